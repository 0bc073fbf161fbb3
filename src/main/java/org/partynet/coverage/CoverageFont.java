package org.partynet.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CJK font embedded in PDF reports. Fonts are not shipped with the service: it uses
 * the one configured, or the first of Debian's {@code fonts-noto-cjk} and
 * {@code fonts-wqy-microhei} it finds. A path may end with {@code ,N} to pick a face in a
 * font collection (.ttc).
 *
 * @param cjkFont a TrueType or OpenType font (or collection face) with Chinese glyphs
 */
@ConfigurationProperties("partynet.reports")
record CoverageFont(String cjkFont) {

	static final List<String> KNOWN = List.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");

	/** The font, or {@code null} when none is configured or installed. */
	BaseFont load() {
		for (String candidate : (this.cjkFont != null && !this.cjkFont.isBlank()) ? List.of(this.cjkFont) : KNOWN) {
			String file = candidate.replaceFirst(",\\d+$", "");
			if (Files.isReadable(Path.of(file))) {
				try {
					return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot read the CJK font " + candidate, ex);
				}
			}
		}
		return null;
	}

}
