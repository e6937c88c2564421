package bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample (nearest rank), in whatever unit the values are. */
final class Stats {

    private Stats() {
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] sorted(List<? extends Number> values) {
        double[] a = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static String ms(double nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
