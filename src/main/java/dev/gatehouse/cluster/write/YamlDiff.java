package dev.gatehouse.cluster.write;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) for showing what a write changes. */
public final class YamlDiff {
    /** One line of a diff: ' ' unchanged, '-' only in the old text, '+' only in the new. */
    public record Line(char op, String text) {
        @Override
        public String toString() {
            return op + " " + text;
        }
    }

    private YamlDiff() {
    }

    public static List<Line> diff(String oldText, String newText) {
        String[] a = oldText == null || oldText.isEmpty() ? new String[0] : oldText.split("\n", -1);
        String[] b = newText == null || newText.isEmpty() ? new String[0] : newText.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(' ', a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line('-', a[i++]));
            } else {
                out.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line('-', a[i++]));
        }
        while (j < b.length) {
            out.add(new Line('+', b[j++]));
        }
        return out;
    }

    public static boolean changes(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.op() != ' ');
    }

    public static String render(List<Line> diff) {
        StringBuilder sb = new StringBuilder();
        diff.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
