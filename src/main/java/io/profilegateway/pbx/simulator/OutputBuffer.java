package io.profilegateway.pbx.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that AMI messages are serialised into (CRLF line ends, UTF-8), without intermediate
 * strings for ASCII text.
 */
final class OutputBuffer {

    private byte[] bytes = new byte[8 * 1024];
    private int size;

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void write(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    void write(AmiMessage message) {
        for (AmiMessage.Header h : message.headers()) {
            text(h.name());
            if (h.value() != null) {
                ensure(2);
                bytes[size++] = ':';
                bytes[size++] = ' ';
                text(h.value());
            }
            crlf();
        }
        crlf();
    }

    private void crlf() {
        ensure(2);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
    }

    private void text(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // Not ASCII: encode the whole string instead (nothing of it was counted yet).
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                write(utf8);
                return;
            }
            bytes[size + i] = (byte) c;
        }
        size += n;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
