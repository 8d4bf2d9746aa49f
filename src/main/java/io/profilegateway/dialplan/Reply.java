package io.profilegateway.dialplan;

import java.util.Optional;

/** What the caller hears: a tone, then (for {@code *55}) the number of the favourite he is in now. */
record Reply(Tone tone, Optional<Integer> number) {

    static Reply of(Tone tone) {
        return new Reply(tone, Optional.empty());
    }

    static Reply withNumber(Tone tone, int number) {
        return new Reply(tone, Optional.of(number));
    }
}
