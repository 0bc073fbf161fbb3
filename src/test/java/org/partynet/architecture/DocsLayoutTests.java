package org.partynet.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout in docs/development.md is the layout of the repository: every package is
 * listed, and everything listed exists. A newcomer reads it first, so it must not drift.
 */
class DocsLayoutTests {

	private static final Path PACKAGES = Path.of("src/main/java/org/partynet");

	@Test
	void the_layout_lists_every_package_and_nothing_else() throws IOException {
		List<String> block = layout();
		int start = block.indexOf("src/main/java/org/partynet/");
		assertThat(start).as("the layout names src/main/java/org/partynet/").isNotNegative();
		Set<String> listed = block.stream()
			.skip(start + 1)
			.takeWhile(line -> line.startsWith("  "))
			.map(line -> line.strip().split("\\s+")[0])
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> packages;
		try (Stream<Path> paths = Files.list(PACKAGES)) {
			packages = paths.filter(Files::isDirectory)
				.map(path -> path.getFileName() + "/")
				.collect(Collectors.toCollection(TreeSet::new));
		}
		assertThat(listed).isEqualTo(packages);
	}

	@Test
	void every_path_the_layout_names_exists() throws IOException {
		for (String line : layout()) {
			if (!line.isEmpty() && !line.startsWith(" ")) {
				String path = line.split("\\s+")[0];
				assertThat(Path.of(path)).as(line).exists();
			}
		}
	}

	/** The lines of the fenced block under "## Layout". */
	private static List<String> layout() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs/development.md"));
		int heading = lines.indexOf("## Layout");
		assertThat(heading).as("docs/development.md has a Layout section").isNotNegative();
		int open = heading + 1;
		while (!lines.get(open).startsWith("```")) {
			open++;
		}
		int close = open + 1;
		while (!lines.get(close).startsWith("```")) {
			close++;
		}
		return lines.subList(open + 1, close);
	}

}
