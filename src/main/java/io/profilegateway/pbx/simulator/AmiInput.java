package io.profilegateway.pbx.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI messages from a socket with its own buffer, so the session can tell whether more input is already
 * waiting (then it keeps batching replies) or the next read would block (then it flushes first).
 *
 * <p>Lines end with CRLF or a bare LF, as Asterisk accepts; a message ends with an empty line. Like Asterisk, a
 * message keeps at most {@value #MAX_HEADERS} header lines and a line may be at most {@value #MAX_LINE} bytes long;
 * the session answers an error for messages that broke either limit.
 */
final class AmiInput {

    /** Asterisk's {@code AST_MAX_MANHEADERS}. */
    static final int MAX_HEADERS = 128;
    /** Asterisk's input buffer size less one. */
    static final int MAX_LINE = 1024;

    /** Stands for an empty line (the end of a message). */
    private static final AmiMessage.Header EMPTY = new AmiMessage.Header("", null);

    /** One received message with what went wrong while reading it. */
    static final class Received {
        final List<AmiMessage.Header> headers;
        final boolean tooManyLines;
        final boolean lineTooLong;

        Received(List<AmiMessage.Header> headers, boolean tooManyLines, boolean lineTooLong) {
            this.headers = headers;
            this.tooManyLines = tooManyLines;
            this.lineTooLong = lineTooLong;
        }
    }

    private final InputStream in;
    private final Runnable beforeBlockingRead;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] partial = new byte[256];
    private boolean currentLineTooLong;

    /**
     * @param in                 the socket's input stream
     * @param beforeBlockingRead run whenever the buffer is empty and the next read may block
     */
    AmiInput(InputStream in, Runnable beforeBlockingRead) {
        this.in = in;
        this.beforeBlockingRead = beforeBlockingRead;
    }

    /**
     * Reads one message.
     *
     * @return the message, or {@code null} at end of stream (a message cut off by the end is dropped)
     * @throws IOException when reading fails
     */
    Received readMessage() throws IOException {
        List<AmiMessage.Header> lines = new ArrayList<>(8);
        boolean tooMany = false;
        boolean tooLong = false;
        while (true) {
            AmiMessage.Header line = readLine();
            if (line == null) {
                return null;
            }
            if (currentLineTooLong) {
                tooLong = true;
                currentLineTooLong = false;
                continue;
            }
            if (line == EMPTY) {
                return new Received(lines, tooMany, tooLong);
            }
            if (lines.size() < MAX_HEADERS) {
                lines.add(line);
            } else {
                tooMany = true;
            }
        }
    }

    /** @return the next line as a header, {@link #EMPTY} for an empty line, null at end of stream */
    private AmiMessage.Header readLine() throws IOException {
        int partialLen = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                return null;
            }
            int start = pos;
            int end = -1;
            for (int i = start; i < limit; i++) {
                if (buf[i] == '\n') {
                    end = i;
                    break;
                }
            }
            if (end >= 0) {
                pos = end + 1;
                if (partialLen == 0) {
                    int len = end - start;
                    if (len > 0 && buf[end - 1] == '\r') {
                        len--;
                    }
                    if (len > MAX_LINE) {
                        currentLineTooLong = true;
                        return EMPTY;
                    }
                    return header(buf, start, len);
                }
                partialLen = append(partialLen, start, end - start);
                int len = partialLen;
                if (len > 0 && partial[len - 1] == '\r') {
                    len--;
                }
                if (len > MAX_LINE) {
                    currentLineTooLong = true;
                    return EMPTY;
                }
                return header(partial, 0, len);
            }
            partialLen = append(partialLen, start, limit - start);
            pos = limit;
        }
    }

    private int append(int partialLen, int start, int len) {
        // Keep at most a little more than the longest allowed line; the rest only marks the line as too long.
        int keep = Math.min(len, MAX_LINE + 2 - Math.min(partialLen, MAX_LINE + 2));
        if (partialLen + keep > partial.length) {
            byte[] bigger = new byte[Math.max(partial.length * 2, partialLen + keep)];
            System.arraycopy(partial, 0, bigger, 0, partialLen);
            partial = bigger;
        }
        System.arraycopy(buf, start, partial, partialLen, keep);
        if (keep < len) {
            currentLineTooLong = true;
        }
        return partialLen + keep;
    }

    private boolean fill() throws IOException {
        if (in.available() == 0) {
            beforeBlockingRead.run();
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Splits a line as Asterisk reads a header: name before the first colon, value after it without leading blanks. */
    private static AmiMessage.Header header(byte[] bytes, int off, int len) {
        if (len == 0) {
            return EMPTY;
        }
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (bytes[i] == ':') {
                int v = i + 1;
                while (v < end && (bytes[v] == ' ' || bytes[v] == '\t')) {
                    v++;
                }
                return new AmiMessage.Header(decode(bytes, off, i - off), decode(bytes, v, end - v));
            }
        }
        return new AmiMessage.Header(decode(bytes, off, len), null);
    }

    private static String decode(byte[] bytes, int off, int len) {
        return new String(bytes, off, len, StandardCharsets.UTF_8);
    }
}
