package io.profilegateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bytes of a server-sent event frame (the format EventSource and the SSE clients parse). */
class FramesTest {

    @Test
    void aCompactJsonIsOneDataLineAfterIdAndName() {
        assertThat(Frames.event(7L, "profile", "{\"a\":1}").toString())
                .isEqualTo("id: 7\nevent: profile\ndata: {\"a\":1}\n\n");
    }

    @Test
    void everyLineOfAMultiLineTextIsADataLineOfItsOwnAndAFrameWithoutIdHasNone() {
        assertThat(Frames.event(null, "x", "one\r\ntwo\rthree\nfour").toString())
                .isEqualTo("event: x\ndata: one\ndata: two\ndata: three\ndata: four\n\n");
    }

    @Test
    void aCommentIsAColonLine() {
        assertThat(Frames.HEARTBEAT.toString()).isEqualTo(": heartbeat\n\n");
    }
}
