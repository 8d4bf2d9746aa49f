package io.profilegateway.directory.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.profilegateway.access.Role;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.Right;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user as the API reads and writes it. {@code password} is write-only (on create; later through
 * {@code PUT /users/{id}/password}); {@code hasPassword} tells whether he can log in with one.
 */
@Schema(name = "User")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDto(
        @Schema(readOnly = true, example = "1042") Long id,
        @Schema(description = "PBX extension; none = portal-only user", example = "1001") String extension,
        @Schema(required = true, example = "Anna Schmidt") String displayName,
        @Schema(example = "anna.schmidt@example.com") String email,
        @Schema(description = "for GSM mode", example = "+4915112345678") String mobile,
        @Schema(description = "Microsoft Entra object id", example = "6e7b768e-07e2-4810-8459-485f84f8f204")
        String entraObjectId,
        @Schema(example = "3") Long primaryGroupId,
        @Schema(description = "groups besides the primary one") List<Long> groupIds,
        @Schema(example = "USER") Role role,
        @Schema(description = "may create personal profiles") Boolean profilePersonal,
        Boolean vip,
        @Schema(description = "endpoints in ring order", example = "[\"PJSIP/1001\",\"PJSIP/1001-desk\"]")
        List<String> devices,
        @Schema(description = "the Asterisk server (gateway.ami.servers.<name>); none = the default server",
                example = "main") String pbxServer,
        @Schema(description = "login name for HTTP Basic", example = "anna") String username,
        @Schema(writeOnly = true, description = "10 to 200 characters; only on create") String password,
        @Schema(readOnly = true) Boolean hasPassword,
        @Schema(readOnly = true, description = "brought in from the PBX by a directory import") Boolean importedFromPbx) {

    /** The entry as this sight shows it: the whole of it, or what the relationship allows (null = left out). */
    static UserDto of(User u, Sight sight) {
        if (sight.readsWholeRecord()) {
            return of(u);
        }
        boolean general = sight.may(Right.SEE_GENERAL_CONTACT);
        boolean detailed = sight.may(Right.SEE_DETAILED_CONTACT);
        return new UserDto(u.id, general ? u.extension : null, u.displayName, u.email, detailed ? u.mobile : null,
                null, general && u.primaryGroup != null ? u.primaryGroup.id : null,
                general ? u.otherGroups.stream().map(g -> g.id).sorted().toList() : null, null, null, null,
                detailed ? List.copyOf(u.devices) : null, null, null, null, null, null);
    }

    static UserDto of(User u) {
        return new UserDto(u.id, u.extension, u.displayName, u.email, u.mobile, u.entraObjectId,
                u.primaryGroup == null ? null : u.primaryGroup.id,
                u.otherGroups.stream().map(g -> g.id).sorted().toList(), u.role, u.profilePersonal, u.vip,
                List.copyOf(u.devices), u.pbxServer, u.username, null, u.passwordHash != null, u.importedFromPbx);
    }
}
