package io.profilegateway.directory.user;

import io.profilegateway.common.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a user's fields; the devices and numbers here reach Asterisk later, so they are strict. */
final class UserValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,189}\\.[A-Za-z]{2,63}");
    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserValidator() {
    }

    static void validate(UserDto dto) {
        Violations v = new Violations();
        v.optionalMatches("extension", dto.extension(), Violations.EXTENSION, "1-20 digits");
        v.text("displayName", dto.displayName(), 100);
        v.optionalMatches("email", dto.email(), EMAIL, "an e-mail address");
        if (dto.email() != null && dto.email().length() > 254) {
            v.add("email", "must be at most 254 characters");
        }
        v.optionalMatches("mobile", dto.mobile(), MOBILE, "a phone number: optional '+' and 3-20 digits");
        v.optionalMatches("entraObjectId", dto.entraObjectId(), UUID, "an Entra object id (a UUID)");
        v.optionalMatches("pbxServer", dto.pbxServer(), Violations.TECHNICAL_NAME, "a server name");
        v.optionalMatches("username", dto.username(), USERNAME, "1-64 letters, digits, '.', '_', '@' or '-'");
        if (dto.password() != null && (dto.password().length() < 10 || dto.password().length() > 200)) {
            v.add("password", "must be 10 to 200 characters");
        }
        v.size("groupIds", dto.groupIds(), 50);
        v.noNulls("groupIds", dto.groupIds());
        List<String> devices = dto.devices() == null ? List.of() : dto.devices();
        v.size("devices", devices, 20);
        var seen = new HashSet<String>();
        for (int i = 0; i < devices.size(); i++) {
            v.matches("devices[" + i + "]", devices.get(i), Violations.DEVICE, "an Asterisk device such as PJSIP/1001");
            if (devices.get(i) != null && !seen.add(devices.get(i))) {
                v.add("devices[" + i + "]", "is listed twice");
            }
        }
        v.throwIfAny();
    }

    static void validatePassword(String password) {
        Violations v = new Violations();
        if (password == null || password.length() < 10 || password.length() > 200) {
            v.add("password", "must be 10 to 200 characters");
        }
        v.throwIfAny();
    }
}
