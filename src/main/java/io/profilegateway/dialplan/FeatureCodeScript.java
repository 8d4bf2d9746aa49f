package io.profilegateway.dialplan;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jboss.logging.Logger;

/**
 * One feature code as a FastAGI script: finds the caller, lets {@code code} act for him, then answers the channel
 * and plays the tone. A phone that belongs to nobody hears {@code beeperr}, and nothing is switched.
 */
final class FeatureCodeScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(FeatureCodeScript.class);

    /** What a code does for a known caller. */
    @FunctionalInterface
    interface Code {
        Reply run(Callers.Caller caller);
    }

    private final String name;
    private final Callers callers;
    private final Code code;

    FeatureCodeScript(String name, Callers callers, Code code) {
        this.name = name;
        this.callers = callers;
        this.code = code;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Reply reply = callers.of(request.getChannel(), request.getCallerIdNumber()).map(code::run).orElseGet(() -> {
            LOG.infof("FastAGI %s from channel %s (caller id %s): no PBX user on this phone, nothing switched", name,
                    request.getChannel(), request.getCallerIdNumber());
            return Reply.of(Tone.REFUSED);
        });
        play(channel, reply);
    }

    static void play(AgiChannel channel, Reply reply) throws AgiException {
        channel.answer();
        for (String file : reply.tone().files) {
            channel.streamFile(file);
        }
        if (reply.number().isPresent()) {
            channel.sayNumber(Integer.toString(reply.number().get()));
        }
    }
}
