package org.partynet.coverage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.partynet.report.CellText;
import org.partynet.report.ReportSettings;

/**
 * The coverage report as CSV: the summary, the breakdown and every gap, in sections
 * separated by a blank line. UTF-8 with a byte-order mark, so that Excel and WPS open the
 * Chinese correctly. Text fields go through {@link CellText}, so that a name never
 * becomes a formula; figures are written as numbers.
 */
final class CoverageCsv {

	private final Writer out;

	private CoverageCsv(Writer out) {
		this.out = out;
	}

	static void write(CoverageExport export, CoverageExport.Contents contents, ReportSettings settings,
			OutputStream stream) throws IOException {
		Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CoverageCsv csv = new CoverageCsv(writer);
		csv.line(contents.title(settings));
		if (!settings.issuer().isEmpty()) {
			csv.line(settings.issuer());
		}
		csv.line(settings.dateLine(contents.report().asOf()));
		csv.line(contents.scopeLine(settings));
		csv.line(contents.madeLine(settings));
		csv.line();
		csv.line(settings.heading("指标", "Metric"), settings.heading("总数", "Total"), settings.heading("已覆盖", "Covered"),
				settings.heading("覆盖率", "Ratio"));
		for (CoverageMetric metric : CoverageMetric.values()) {
			csv.figure(settings.heading(metric.chinese(), metric.english()), contents.report().figures().get(metric));
		}
		if (!contents.breakdown().isEmpty()) {
			csv.line();
			List<Object> head = new ArrayList<>(List.of(settings.heading("下级", "Breakdown")));
			for (CoverageMetric metric : CoverageMetric.values()) {
				head.addAll(List.of(
						settings.heading(metric.chinese(), metric.english()) + " " + settings.heading("总数", "total"),
						settings.heading("已覆盖", "Covered"), settings.heading("覆盖率", "Ratio")));
			}
			csv.line(head.toArray());
			for (CoverageReport child : contents.breakdown()) {
				List<Object> row = new ArrayList<>(List.of(child.name()));
				for (CoverageMetric metric : CoverageMetric.values()) {
					CoverageFigure figure = child.figures().get(metric);
					row.addAll(List.of(figure.total(), figure.covered(), ratio(figure)));
				}
				csv.line(row.toArray());
			}
		}
		csv.line();
		csv.line(settings.heading("缺口", "Gap"), settings.heading("编码", "Code"), settings.heading("名称", "Name"),
				settings.heading("位置", "Place"), settings.heading("原因", "Reason"));
		for (CoverageMetric metric : CoverageMetric.values()) {
			export.eachGap(contents.report(), metric, gap -> csv.line(metric.chinese(), gap.area().code(),
					gap.area().name(), gap.place(), CoverageExport.reason(gap, settings)));
		}
		writer.flush();
	}

	private void figure(String label, CoverageFigure figure) {
		line(label, figure.total(), figure.covered(), ratio(figure));
	}

	private static String ratio(CoverageFigure figure) {
		return (figure.ratio() != null) ? String.format("%.1f%%", figure.ratio() * 100) : "";
	}

	/** A line of fields: numbers as they are, anything else as neutralised text. */
	private void line(Object... values) {
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.out.write(',');
				}
				this.out.write((values[i] instanceof Number number) ? number.toString()
						: CellText.csv(String.valueOf(values[i])));
			}
			this.out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
