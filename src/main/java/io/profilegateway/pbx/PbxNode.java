package io.profilegateway.pbx;

import io.profilegateway.common.NodeName;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** This gateway node's name among the nodes on one database ({@code gateway.ami.cluster.node-id}). */
@ApplicationScoped
public class PbxNode {

    @Inject
    AmiConfig config;

    private String id;

    @PostConstruct
    void init() {
        id = NodeName.of(config.cluster().nodeId());
    }

    public String id() {
        return id;
    }
}
