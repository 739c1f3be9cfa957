package dev.signpost.core.matrix;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on {@code GET /_matrix/key/v2/server}.
 *
 * @param serverName     {@code server_name} as served, or null when absent
 * @param validUntil     {@code valid_until_ts} as an instant, or null when absent or unreadable
 * @param verifiedKeyIds the {@code ed25519:*} key ids whose signature over the response verified
 * @param failures       sentences for everything that makes other servers reject these keys
 * @param warnings       sentences for things that work but should be fixed
 */
public record KeysVerdict(
        String serverName,
        Instant validUntil,
        List<String> verifiedKeyIds,
        List<String> failures,
        List<String> warnings) {

    public KeysVerdict {
        verifiedKeyIds = List.copyOf(verifiedKeyIds);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** True when other servers accept these keys: nothing failed and at least one signature verified. */
    public boolean ok() {
        return failures.isEmpty() && !verifiedKeyIds.isEmpty();
    }
}
