package io.profilegateway.directory.importing;

import io.profilegateway.common.ApiProblem;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an import reads its users from. */
@Schema(description = "FREEPBX_ASTDB: FreePBX's AMPUSER/DEVICE entries in AstDB over AMI; PJSIP: Asterisk's PJSIP "
        + "endpoints over AMI (PJSIPShowEndpoints/PJSIPShowEndpoint); ENTRA: Entra ID users over Microsoft Graph")
public enum ImportSource {
    FREEPBX_ASTDB,
    PJSIP,
    ENTRA;

    /** The request's {@code source}; none is {@link #FREEPBX_ASTDB}; anything unknown is a 400 naming the field. */
    static ImportSource of(String value) {
        if (value == null || value.isBlank()) {
            return FREEPBX_ASTDB;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("source", "unknown source '" + value + "'; one of "
                    + Arrays.toString(values()));
        }
    }
}
