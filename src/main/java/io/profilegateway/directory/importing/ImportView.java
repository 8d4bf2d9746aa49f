package io.profilegateway.directory.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/directory-imports/{id}}: the import's state, its diff (one page of it) and its progress. */
@Schema(name = "DirectoryImport")
public record ImportView(
        @Schema(example = "3") long id,
        ImportSource source,
        @Schema(example = "main", description = "the Asterisk server read (not for ENTRA)") String server,
        @Schema(example = "PREVIEW", description = "READING, PREVIEW, APPLYING, DONE or FAILED") String state,
        @Schema(example = "admin") String startedBy,
        Instant startedAt,
        @Schema(description = "why the PBX could not be read (FAILED)") String error,
        @Schema(description = "changes by kind", example = "{\"NEW\":9800,\"CHANGED\":150,\"GONE\":50}")
        Map<ImportChange.Kind, Long> counts,
        @Schema(description = "PBX entries left out, with the reason") List<String> skipped,
        Progress progress,
        @Schema(description = "this page of the changes, by kind then extension") List<ImportChange> changes,
        @Schema(example = "0") int page,
        @Schema(example = "100") int size) {

    @Schema(description = "While and after applying (the phase is the state): of total changes, how many are "
            + "processed, of those applied and failed")
    public record Progress(@Schema(example = "10000") int total, @Schema(example = "4200") int processed,
            @Schema(example = "4200") int applied, @Schema(example = "0") int failed, List<String> failures) {
    }
}
