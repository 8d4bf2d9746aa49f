package io.profilegateway.web.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signed-in browser: the SHA-256 of its cookie's random id, whose it is, and how long it counts. */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "user_id")
    public long userId;

    @Column(name = "credentials_version")
    public int credentialsVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen")
    public Instant lastSeen;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
