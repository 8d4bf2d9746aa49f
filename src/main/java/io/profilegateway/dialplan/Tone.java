package io.profilegateway.dialplan;

import java.util.Collections;
import java.util.List;

/**
 * What the caller hears after a feature code: standard Asterisk core sounds, so that nothing has to be recorded.
 * One beep = done (DND on), two beeps = done (DND off), {@code beeperr} = refused or not understood.
 */
enum Tone {
    DONE("beep", 1), DONE_OFF("beep", 2), REFUSED("beeperr", 1);

    final List<String> files;

    Tone(String file, int times) {
        this.files = Collections.nCopies(times, file);
    }
}
