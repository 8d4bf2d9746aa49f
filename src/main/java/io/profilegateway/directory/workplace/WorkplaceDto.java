package io.profilegateway.directory.workplace;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workplace as the API reads and writes it; {@code occupantUserId} is who holds it now. */
@Schema(name = "Workplace")
public record WorkplaceDto(
        @Schema(readOnly = true, example = "9") Long id,
        @Schema(required = true, example = "Desk 2.14") String name,
        @Schema(required = true, description = "the desk's Asterisk device", example = "PJSIP/desk-214") String device,
        @Schema(description = "the group whose admins manage it; null = system admins only", example = "3")
        Long groupId,
        @Schema(readOnly = true, description = "the user holding it now, if any", example = "1042")
        Long occupantUserId) {
}
