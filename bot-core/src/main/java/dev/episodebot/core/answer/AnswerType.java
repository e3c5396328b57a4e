package dev.episodebot.core.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question expects, judged from its question words: a quantity ("多少",
 * "几", "how many"), a time ("什么时候", "哪天", "when"), or anything else. A transcript line that
 * holds a number or a date is then a better quote for a quantity or time question.
 */
enum AnswerType {
    QUANTITY,
    TIME,
    OTHER;

    private static final Pattern QUANTITY_WORDS = Pattern.compile(
            "多少|几[个位名款篇次年岁人项家]?|多大|多久|多长|多高|多重|年纪|年龄|岁数|\\bhow (many|much|old|long|big|large)\\b|\\bwhat (percentage|number|size|age)\\b");
    private static final Pattern TIME_WORDS = Pattern.compile(
            "什么时候|哪天|哪一天|哪年|哪一年|几月|何时|日期|\\bwhen\\b|\\bwhat (year|month|day|date|time)\\b");
    private static final Pattern NUMBER = Pattern.compile("[0-9０-９]|[一二三四五六七八九十百千万亿两]+\\s*[个位名款篇次年岁人斤公月日号亿万千百]");
    private static final Pattern DATE = Pattern.compile("[0-9０-９一二三四五六七八九十]+\\s*[年月日号]|去年|今年|明年|前年|\\b(19|20)[0-9]{2}\\b");

    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (TIME_WORDS.matcher(q).find()) {
            return TIME;
        }
        if (QUANTITY_WORDS.matcher(q).find()) {
            return QUANTITY;
        }
        return OTHER;
    }

    /** Whether a line holds what this type of question asks for. */
    boolean matches(String line) {
        return switch (this) {
            case QUANTITY -> NUMBER.matcher(line).find();
            case TIME -> DATE.matcher(line).find();
            case OTHER -> false;
        };
    }
}
