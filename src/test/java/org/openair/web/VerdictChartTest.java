package org.openair.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openair.investigation.InvestigationStore.DayCount;

class VerdictChartTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @Test
  void totalsCountTheLastSevenAndThirtyDaysAndIgnoreOlderDays() {
    VerdictChart chart =
        VerdictChart.of(
            TODAY,
            List.of(
                new DayCount(TODAY, "malicious", 3),
                new DayCount(TODAY.minusDays(6), "clean", 2),
                new DayCount(TODAY.minusDays(7), "malicious", 5),
                new DayCount(TODAY.minusDays(29), "suspicious", 1),
                new DayCount(TODAY.minusDays(30), "malicious", 100)));

    assertThat(chart.totals())
        .containsExactly(
            new VerdictChart.Total("malicious", 3, 8),
            new VerdictChart.Total("suspicious", 0, 1),
            new VerdictChart.Total("clean", 2, 2),
            new VerdictChart.Total("unknown", 0, 0));
    assertThat(chart.max()).isEqualTo(5);
  }

  @Test
  void theBusiestDayFillsThePlotAndBarsStackWithoutOverlap() {
    VerdictChart chart =
        VerdictChart.of(
            TODAY, List.of(new DayCount(TODAY, "malicious", 6), new DayCount(TODAY, "clean", 4)));

    List<VerdictChart.Segment> today = chart.segments();
    assertThat(today).hasSize(2);
    assertThat(today.get(0).height() + today.get(1).height()).isEqualTo(VerdictChart.PLOT_HEIGHT);
    assertThat(today.get(1).y() + today.get(1).height()).isEqualTo(today.get(0).y());
  }

  @Test
  void anEmptyMonthDrawsNoBars() {
    assertThat(VerdictChart.of(TODAY, List.of()).empty()).isTrue();
  }
}
