package org.openair.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openair.investigation.InvestigationStore.DayCount;

/**
 * Investigations per day and verdict over the last 30 days as stacked bars, and totals for 7 and 30
 * days; drawn by the page as inline SVG.
 */
public final class VerdictChart {
  static final List<String> VERDICTS = List.of("malicious", "suspicious", "clean", "unknown");
  static final int DAYS = 30;
  static final int BAR = 16;
  static final int GAP = 4;
  static final int PLOT_HEIGHT = 120;
  static final int LEFT = 34;

  /** One coloured piece of a day's bar. */
  public record Segment(int x, int y, int height, String verdict, String title) {}

  /** A label under the bars or beside the axis. */
  public record Label(int x, int y, String text) {}

  /** One verdict's totals. */
  public record Total(String verdict, long last7, long last30) {}

  private final List<Segment> segments;
  private final List<Label> labels;
  private final List<Total> totals;
  private final int weekX;
  private final long max;

  private VerdictChart(
      List<Segment> segments, List<Label> labels, List<Total> totals, int weekX, long max) {
    this.segments = segments;
    this.labels = labels;
    this.totals = totals;
    this.weekX = weekX;
    this.max = max;
  }

  /** The chart for the 30 days ending with {@code today}, from per-day counts. */
  public static VerdictChart of(LocalDate today, List<DayCount> counts) {
    LocalDate first = today.minusDays(DAYS - 1);
    Map<LocalDate, Map<String, Long>> byDay = new LinkedHashMap<>();
    for (int i = 0; i < DAYS; i++) {
      byDay.put(first.plusDays(i), new LinkedHashMap<>());
    }
    for (DayCount c : counts) {
      Map<String, Long> day = byDay.get(c.day());
      if (day != null) {
        day.merge(VERDICTS.contains(c.verdict()) ? c.verdict() : "unknown", c.count(), Long::sum);
      }
    }
    long max = 1;
    for (Map<String, Long> day : byDay.values()) {
      max = Math.max(max, day.values().stream().mapToLong(Long::longValue).sum());
    }
    List<Segment> segments = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    Map<String, long[]> totals = new LinkedHashMap<>();
    VERDICTS.forEach(v -> totals.put(v, new long[2]));
    int i = 0;
    for (Map.Entry<LocalDate, Map<String, Long>> day : byDay.entrySet()) {
      int x = LEFT + i * (BAR + GAP);
      int base = PLOT_HEIGHT;
      boolean inWeek = !day.getKey().isBefore(today.minusDays(6));
      for (String verdict : VERDICTS) {
        long n = day.getValue().getOrDefault(verdict, 0L);
        totals.get(verdict)[1] += n;
        if (inWeek) {
          totals.get(verdict)[0] += n;
        }
        if (n == 0) {
          continue;
        }
        int h = (int) Math.max(1, Math.round((double) n * PLOT_HEIGHT / max));
        base -= h;
        segments.add(new Segment(x, base, h, verdict, day.getKey() + ": " + n + " " + verdict));
      }
      if (i % 7 == 2 || i == DAYS - 1) {
        labels.add(new Label(x + BAR / 2, PLOT_HEIGHT + 14, day.getKey().toString().substring(5)));
      }
      i++;
    }
    List<Total> totalList = new ArrayList<>();
    totals.forEach((v, t) -> totalList.add(new Total(v, t[0], t[1])));
    int weekX = LEFT + (DAYS - 7) * (BAR + GAP) - GAP / 2;
    return new VerdictChart(segments, labels, totalList, weekX, max);
  }

  public List<Segment> segments() {
    return segments;
  }

  public List<Label> labels() {
    return labels;
  }

  public List<Total> totals() {
    return totals;
  }

  /** Where the shading of the last 7 days starts. */
  public int weekX() {
    return weekX;
  }

  public int weekWidth() {
    return 7 * (BAR + GAP);
  }

  /** The largest day's count, the top of the axis. */
  public long max() {
    return max;
  }

  public int width() {
    return LEFT + DAYS * (BAR + GAP) + 4;
  }

  public int height() {
    return PLOT_HEIGHT + 22;
  }

  public int plotHeight() {
    return PLOT_HEIGHT;
  }

  public boolean empty() {
    return segments.isEmpty();
  }
}
