package io.profilegateway.pbx;

/**
 * The last line of defence against AMI header injection: a value that reaches an AMI header must be non-null, at
 * most 255 characters and free of CR, LF and every other control character. The API validates its fields first
 * (with a 400 naming the field); this check makes sure nothing else slips through.
 */
public final class AmiValues {

    static final int MAX_LENGTH = 255;

    private AmiValues() {
    }

    public static boolean isSafe(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static void check(String header, String value) {
        if (!isSafe(value)) {
            throw new IllegalArgumentException("refused to send AMI header " + header
                    + ": null, longer than " + MAX_LENGTH + " characters or containing control characters");
        }
    }

    static void checkOptional(String header, String value) {
        if (value != null) {
            check(header, value);
        }
    }
}
