package io.profilegateway.pbx.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One AMI message (an action, a response or an event): an ordered list of headers, duplicates allowed, as on the
 * wire. Header names are looked up case-insensitively, as Asterisk does; the value of a header is the text after the
 * first colon with leading blanks removed.
 *
 * <p>Instances are mutable while being built; {@link #copy()} gives an independent copy, and messages handed out by
 * the simulator's inspection API are never changed afterwards.
 */
public final class AmiMessage {

    /**
     * One header line. {@code value} is {@code null} for a line without a colon, which Asterisk keeps but never
     * matches by name.
     *
     * @param name  the header name (the whole line when it has no colon)
     * @param value the value, or {@code null} for a line without a colon
     */
    public record Header(String name, String value) {

        /**
         * Validates the header.
         *
         * @param name  header name, not null
         * @param value header value, may be null for a line without a colon
         */
        public Header {
            Objects.requireNonNull(name, "name");
        }

        /** @return the line as written on the wire, without the line end */
        public String line() {
            return value == null ? name : name + ": " + value;
        }
    }

    private final List<Header> headers;

    /** Creates an empty message. */
    public AmiMessage() {
        this.headers = new ArrayList<>(8);
    }

    private AmiMessage(List<Header> headers) {
        this.headers = headers;
    }

    /**
     * Starts a response message ({@code Response: <response>}, then {@code ActionID} when the action had one), the
     * way Asterisk's {@code astman_send_response_full} does.
     *
     * @param response {@code Success}, {@code Error}, {@code Goodbye}, ...
     * @param actionId the action's ActionID, or {@code null}/empty for none
     * @return the new message
     */
    public static AmiMessage response(String response, String actionId) {
        AmiMessage m = new AmiMessage();
        m.add("Response", response);
        if (actionId != null && !actionId.isEmpty()) {
            m.add("ActionID", actionId);
        }
        return m;
    }

    /**
     * Starts an event message ({@code Event: <name>}).
     *
     * @param name the event name
     * @return the new message
     */
    public static AmiMessage event(String name) {
        return new AmiMessage().add("Event", name);
    }

    /**
     * Parses the lines of one message (without the terminating empty line), as Asterisk does: the header name is the
     * text before the first colon, the value the text after it with leading spaces and tabs removed.
     *
     * @param lines the header lines, without line ends
     * @return the message
     */
    public static AmiMessage parse(List<String> lines) {
        AmiMessage m = new AmiMessage();
        for (String line : lines) {
            m.headers.add(parseLine(line));
        }
        return m;
    }

    /**
     * A message of these headers (the list is taken over, not copied).
     *
     * @param headers the headers in order
     * @return the message
     */
    static AmiMessage of(List<Header> headers) {
        return new AmiMessage(headers);
    }

    /**
     * Parses one header line.
     *
     * @param line the line without its line end
     * @return the header
     */
    public static Header parseLine(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return new Header(line, null);
        }
        int start = colon + 1;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        return new Header(line.substring(0, colon), line.substring(start));
    }

    /**
     * Appends a header.
     *
     * @param name  header name
     * @param value header value; {@code null} is written as an empty value
     * @return this message
     */
    public AmiMessage add(String name, String value) {
        headers.add(new Header(name, value == null ? "" : value));
        return this;
    }

    /**
     * Appends a header with a numeric value.
     *
     * @param name  header name
     * @param value header value
     * @return this message
     */
    public AmiMessage add(String name, long value) {
        return add(name, Long.toString(value));
    }

    /**
     * Appends a header unless the value is null or empty (as Asterisk does for {@code ActionID}).
     *
     * @param name  header name
     * @param value header value
     * @return this message
     */
    public AmiMessage addIfPresent(String name, String value) {
        if (value != null && !value.isEmpty()) {
            add(name, value);
        }
        return this;
    }

    /**
     * Appends a header line as it was received (a line without a colon stays one).
     *
     * @param header the header
     * @return this message
     */
    public AmiMessage add(Header header) {
        headers.add(header);
        return this;
    }

    /**
     * The value of the first header with this name (case-insensitive).
     *
     * @param name header name
     * @return the value, or {@code null} when absent
     */
    public String get(String name) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            Header h = headers.get(i);
            if (h.value != null && h.name.equalsIgnoreCase(name)) {
                return h.value;
            }
        }
        return null;
    }

    /**
     * The value of the first header with this name, or an empty string; mirrors Asterisk's
     * {@code astman_get_header}, for which an absent and an empty header are the same.
     *
     * @param name header name
     * @return the value, never null
     */
    public String value(String name) {
        String v = get(name);
        return v == null ? "" : v;
    }

    /**
     * The value of the first header with this name that is not empty (Asterisk looks up {@code Action} this way).
     *
     * @param name header name
     * @return the value, or {@code null}
     */
    public String firstNonEmpty(String name) {
        for (Header h : headers) {
            if (h.value != null && !h.value.isEmpty() && h.name.equalsIgnoreCase(name)) {
                return h.value;
            }
        }
        return null;
    }

    /**
     * All values of headers with this name, in order.
     *
     * @param name header name
     * @return the values, possibly empty
     */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(2);
        for (Header h : headers) {
            if (h.value != null && h.name.equalsIgnoreCase(name)) {
                values.add(h.value);
            }
        }
        return values;
    }

    /** @return the headers in order (unmodifiable view) */
    public List<Header> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** @return the header names in order */
    public List<String> names() {
        List<String> names = new ArrayList<>(headers.size());
        for (Header h : headers) {
            names.add(h.name);
        }
        return names;
    }

    /** @return the number of header lines */
    public int size() {
        return headers.size();
    }

    /** @return the name of the first header ({@code Action}, {@code Response} or {@code Event}), or null when empty */
    public String kind() {
        return headers.isEmpty() ? null : headers.get(0).name;
    }

    /** @return an independent copy */
    public AmiMessage copy() {
        return new AmiMessage(new ArrayList<>(headers));
    }

    /**
     * Appends the wire form (every line ending CRLF, then an empty line) to a builder.
     *
     * @param out the builder
     */
    public void appendTo(StringBuilder out) {
        for (Header h : headers) {
            out.append(h.name);
            if (h.value != null) {
                out.append(": ").append(h.value);
            }
            out.append("\r\n");
        }
        out.append("\r\n");
    }

    /** @return the wire form as UTF-8 bytes */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(32 * headers.size() + 2);
        appendTo(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the wire form, lines ending CRLF */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmiMessage && ((AmiMessage) o).headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }
}
