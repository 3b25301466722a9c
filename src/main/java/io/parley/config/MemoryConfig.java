package io.parley.config;

import java.nio.file.Path;
import java.time.Duration;

/** The embedded store's settings ({@code store.memory.*}); {@code snapshotFile} null = no snapshot. */
public record MemoryConfig(Path snapshotFile, Duration snapshotInterval) {
}
