package org.partynet.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every report sent upward shares (the coverage and health downloads and the org
 * chart's PDF): the CJK font embedded in PDFs, the issuing unit and date line printed on
 * them, and the language of their headings.
 *
 * <p>
 * Fonts are not shipped with the service: it uses the one configured, or the first of
 * Debian's {@code fonts-noto-cjk} and {@code fonts-wqy-microhei} it finds. A path may end
 * with {@code ,N} to pick a face in a font collection (.ttc).
 *
 * @param cjkFont a TrueType or OpenType font (or collection face) with Chinese glyphs
 * @param issuer the issuing unit printed on every report, such as 中共甘州区委组织部; none when
 * blank
 * @param dateLine the date line under it, with {@code {date}} for the report's day, such
 * as 截至{date}; the day alone when blank
 * @param english whether headings carry their English beside the Chinese (the default is
 * Chinese only: reports go to Chinese offices)
 */
@ConfigurationProperties("partynet.reports")
public record ReportSettings(String cjkFont, String issuer, String dateLine, boolean english) {

	static final List<String> KNOWN = List.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");

	/** What a PDF download answers when no CJK font is found. */
	public static final String NO_FONT = "PDF 报告需要中文字体：请安装 fonts-noto-cjk，或设置 partynet.reports.cjk-font / "
			+ "PDF reports need a CJK font: install fonts-noto-cjk or set partynet.reports.cjk-font";

	public ReportSettings {
		issuer = (issuer != null) ? issuer.strip() : "";
		dateLine = (dateLine != null && !dateLine.isBlank()) ? dateLine.strip() : "{date}";
	}

	/** The font, or {@code null} when none is configured or installed. */
	public BaseFont font() {
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

	/** The date line for a day, such as 截至2026-12-01. */
	public String dateLine(Object day) {
		return this.dateLine.replace("{date}", String.valueOf(day));
	}

	/** The report's scope line, such as 范围：东街街道. */
	public String scopeLine(String scope) {
		return heading("范围", "Scope") + "：" + scope;
	}

	/** When the report was made, in Beijing time, to the second. */
	public String madeLine(LocalDateTime made) {
		return heading("生成时间", "Made") + "：" + made.withNano(0).toString().replace('T', ' ') + "（"
				+ heading("北京时间", "Beijing time") + "）";
	}

	/**
	 * A heading in the configured language: the Chinese alone, or the Chinese and the
	 * English.
	 */
	public String heading(String chinese, String english) {
		return this.english ? chinese + " " + english : chinese;
	}

}
