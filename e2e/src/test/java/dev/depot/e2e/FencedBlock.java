package dev.depot.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown page: its language, the words after it (the meta string, e.g.
 * {@code runnable status=404}) and its code, without the indentation of its fence.
 *
 * @param line the line of the opening fence, 1-based
 */
record FencedBlock(String page, int line, String language, String meta, String code) {

    private static final Pattern OPENING = Pattern.compile("^( *)(`{3,}|~{3,})\\s*(.*)$");

    /** The blocks of a page, in page order. */
    static List<FencedBlock> read(Path page) throws IOException {
        return parse(page.getFileName().toString(), Files.readString(page));
    }

    static List<FencedBlock> parse(String page, String markdown) {
        List<FencedBlock> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (!opening.matches()) {
                continue;
            }
            String indent = opening.group(1);
            String fence = opening.group(2);
            String info = opening.group(3).strip();
            int space = info.indexOf(' ');
            String language = space < 0 ? info : info.substring(0, space);
            String meta = space < 0 ? "" : info.substring(space + 1).strip();
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !closes(lines[j], fence)) {
                String content = lines[j];
                int strip = 0;
                while (strip < indent.length() && strip < content.length() && content.charAt(strip) == ' ') {
                    strip++;
                }
                code.append(content, strip, content.length()).append('\n');
                j++;
            }
            blocks.add(new FencedBlock(page, i + 1, language, meta, code.toString()));
            i = j;
        }
        return blocks;
    }

    private static boolean closes(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** Whether the page marks it to be run against the stack: {@code ```bash runnable}. */
    boolean runnable() {
        return words().containsKey("runnable");
    }

    /**
     * The words of the meta string: {@code runnable}, {@code stream}, and {@code key=value} pairs
     * such as {@code status=404} (a word without a value maps to the empty string).
     */
    Map<String, String> words() {
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : meta.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            words.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? "" : word.substring(eq + 1));
        }
        return words;
    }

    /** Where it is, for messages: {@code uploads.md:24}. */
    String where() {
        return page + ":" + line;
    }
}
