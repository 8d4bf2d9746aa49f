package io.profilegateway.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the problems of one request, field by field, and throws them together as one 400. Every value that can
 * reach Asterisk passes one of the pattern checks here first (no CR, LF or other control characters).
 */
public final class Violations {

    /** Digits, '+', '*', '#': what Asterisk may dial; nothing that could break an AMI header. */
    public static final Pattern DIAL_STRING = Pattern.compile("[0-9+*#]{1,32}");
    /** An Asterisk device such as {@code PJSIP/1001} or {@code PJSIP/1001-desk}. */
    public static final Pattern DEVICE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}/[A-Za-z0-9_.@+-]{1,64}");
    /** An extension: digits only. */
    public static final Pattern EXTENSION = Pattern.compile("[0-9]{1,20}");
    /** A technical name: a queue, a team, an icon. */
    public static final Pattern TECHNICAL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final List<Violation> list = new ArrayList<>();

    public Violations add(String field, String message) {
        list.add(new Violation(field, message));
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** A display text: present, trimmed length 1..max, no control characters. */
    public Violations text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return add(field, "must not be empty");
        }
        return optionalText(field, value, max);
    }

    public Violations optionalText(String field, String value, int max) {
        if (value == null) {
            return this;
        }
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
        } else if (CONTROL.matcher(value).find()) {
            add(field, "must not contain control characters (such as CR or LF)");
        } else if (value.isBlank()) {
            add(field, "must not be blank");
        }
        return this;
    }

    public Violations matches(String field, String value, Pattern pattern, String what) {
        if (value == null) {
            return add(field, "must not be empty");
        }
        return optionalMatches(field, value, pattern, what);
    }

    public Violations optionalMatches(String field, String value, Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(field, "must be " + what);
        }
        return this;
    }

    public Violations required(String field, Object value) {
        if (value == null) {
            add(field, "must be given");
        }
        return this;
    }

    public Violations absent(String field, Object value, String why) {
        if (value != null) {
            add(field, why);
        }
        return this;
    }

    public Violations range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public Violations size(String field, Collection<?> value, int max) {
        if (value != null && value.size() > max) {
            add(field, "must have at most " + max + " entries");
        }
        return this;
    }

    public Violations noNulls(String field, Collection<?> value) {
        if (value != null && value.stream().anyMatch(java.util.Objects::isNull)) {
            add(field, "must not contain null");
        }
        return this;
    }

    /** Throws a 400 {@code validation-failed} naming every field at fault, if there is one. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            String detail = list.size() == 1
                    ? list.get(0).field() + ": " + list.get(0).message()
                    : list.size() + " fields are invalid: " + String.join(", ", list.stream().map(Violation::field).toList());
            throw new ApiProblem(400, "validation-failed", detail, list);
        }
    }
}
