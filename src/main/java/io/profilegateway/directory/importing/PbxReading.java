package io.profilegateway.directory.importing;

import java.util.List;

/** What one read of a PBX gave: its users, and the entries left out with the reason. */
record PbxReading(List<PbxUser> users, List<String> skipped) {
}
