package io.profilegateway.dialplan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.jboss.logging.Logger;

/**
 * The FastAGI scripts by name ({@code agi://gateway:4573/<name>?<parameters>}):
 * <ul>
 * <li>{@code profile?id=<n>} — {@code *55<n>}: switch to the profile whose id is n (the profile's dial code is its
 * id, as {@code GET /api/v1/profiles} shows it);</li>
 * <li>{@code favourites} — {@code *55}: the next of the caller's favourite profiles
 * ({@code PUT /api/v1/users/{id}/favourites}), and its number in his list is said;</li>
 * <li>{@code back} — {@code *56}: back to the previous profile;</li>
 * <li>{@code dnd} — {@code *76}: DND on / off.</li>
 * </ul>
 * Any other name, or an id that is not a number, plays {@code beeperr}.
 */
@ApplicationScoped
public class FeatureCodes implements MappingStrategy {

    /** The names of the scripts (the dialplan sample calls each; {@code AsteriskConfigSamplesTest} checks it). */
    public static final Set<String> SCRIPTS = Set.of("profile", "favourites", "back", "dnd");

    private static final Logger LOG = Logger.getLogger(FeatureCodes.class);

    @Inject
    Callers callers;

    @Inject
    DialplanSwitches switches;

    @Inject
    AgiConfig config;

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        if (!admits(config.allowedClients(), request.getRemoteAddress())) {
            return refused("a call from " + request.getRemoteAddress().getHostAddress()
                    + ", which is not in gateway.agi.allowed-clients");
        }
        String script = request.getScript() == null ? "" : request.getScript();
        return switch (script) {
            case "profile" -> profile(request.getParameter("id"));
            case "favourites" -> new FeatureCodeScript("*55", callers, switches::nextFavourite);
            case "back" -> new FeatureCodeScript("*56", callers, c -> Reply.of(switches.back(c)));
            case "dnd" -> new FeatureCodeScript("*76", callers, c -> Reply.of(switches.toggleDnd(c)));
            default -> refused("unknown FastAGI script '" + script + "'");
        };
    }

    /** Whether a call from {@code client} may use the feature codes: any, or one of the allowed addresses. */
    static boolean admits(Optional<Set<String>> allowed, InetAddress client) {
        if (allowed.isEmpty() || allowed.get().isEmpty()) {
            return true;
        }
        return client != null && allowed.get().stream().anyMatch(a -> {
            try {
                return InetAddress.getByName(a).equals(client);
            } catch (UnknownHostException e) {
                return false;
            }
        });
    }

    private AgiScript profile(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return refused("*55: profile id '" + id + "' is not a number");
        }
        long profileId = Long.parseLong(id);
        return new FeatureCodeScript("*55" + id, callers,
                caller -> Reply.of(switches.switchTo(caller, profileId, "*55" + id)));
    }

    private static AgiScript refused(String why) {
        return (req, channel) -> {
            LOG.infof("FastAGI from channel %s: %s, nothing switched", req.getChannel(), why);
            FeatureCodeScript.play(channel, Reply.of(Tone.REFUSED));
        };
    }
}
