package io.profilegateway.access;

import io.profilegateway.directory.user.User;
import io.profilegateway.switching.SwitchEngine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * On first start, creates the {@code admin} account (SYSTEM_OWNER) with the configured password, or a random one
 * that is logged once. Never touches an existing account.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String USERNAME = "admin";

    @Inject
    AdminConfig config;

    @Inject
    SwitchEngine engine;

    @Inject
    PasswordHasher hasher;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (User.findByUsername(USERNAME).isPresent() || User.count("role", Role.SYSTEM_OWNER) > 0) {
            return;
        }
        boolean generated = config.password().filter(p -> !p.isBlank()).isEmpty();
        String password = generated ? Secrets.random(18) : config.password().get();
        User admin = new User();
        admin.displayName = "Administrator";
        admin.username = USERNAME;
        admin.role = Role.SYSTEM_OWNER;
        admin.passwordHash = hasher.hash(password);
        admin.persist();
        engine.start(admin, "system");
        if (generated) {
            LOG.warnf("Created account '%s' (SYSTEM_OWNER) with the generated password: %s  -- shown only now; "
                    + "change it with PUT /api/v1/users/%d/password", USERNAME, password, admin.id);
        } else {
            LOG.infof("Created account '%s' (SYSTEM_OWNER) with the password from gateway.admin.password", USERNAME);
        }
    }
}
