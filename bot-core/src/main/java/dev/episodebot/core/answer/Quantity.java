package dev.episodebot.core.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a number question counts, when it says so — an age, a span of time, money, a weight, people —
 * and whether a line holds a number of that kind: "how old" is answered by 33 岁, not by 3 月 in the
 * next line. {@link #ANY} when the question does not say (几篇, how many products): any number will do.
 */
enum Quantity {
    AGE("多大年纪|多大岁数|几岁|多少岁|年纪|年龄|岁数|\\bhow old\\b|\\bage\\b", "岁|周岁"),
    DURATION("多久|多长时间|多少年|几年|几个月|多少天|几天|多长|\\bhow long\\b|\\bhow many (years|months|weeks|days)\\b",
            "[0-9０-９一二三四五六七八九十两半几]+\\s*(个)?(年|月|周|天|小时)|年半|半年"),
    MONEY("多少钱|多少资金|融了多少|融资|估值|开价|价格|花了多少|\\bhow much (money|funding|cash)\\b|\\b(raise|raised|funding|price|paid|pay|cost|valuation)\\b",
            "[元$￥¥]|美元|美金|人民币|英镑|欧元"),
    WEIGHT("多重|胖了多少|瘦了多少|体重|几斤|多少斤|几公斤|\\bweight\\b|\\bheavy\\b|\\bpounds\\b|\\bkilos?\\b", "斤|公斤|千克|kg|磅"),
    PEOPLE("多少人|几个人|几人|多少名|(?<!第)几名|多少位|几位|团队多大|多大的团队|团队有多大|团队规模|多少员工|\\bhow many (people|employees|staff|researchers|members)\\b|\\bteam\\b",
            "[0-9０-９一二三四五六七八九十百千万]+\\s*(多)?(个)?(人|名|位)"),
    ANY("", "");

    private final Pattern asked;
    private final Pattern held;

    Quantity(String asked, String held) {
        this.asked = Pattern.compile(asked);
        this.held = Pattern.compile(held);
    }

    /** What a number question counts ({@link #ANY} for other questions, and when it does not say). */
    static Quantity of(String question, AnswerType type) {
        if (type != AnswerType.NUMBER) {
            return ANY;
        }
        String q = question.toLowerCase(Locale.ROOT);
        for (Quantity quantity : values()) {
            if (quantity != ANY && quantity.asked.matcher(q).find()) {
                return quantity;
            }
        }
        return ANY;
    }

    /**
     * The question without the words that ask for an age (年纪, 岁数): they only say that a number of
     * years is wanted, which {@link #heldBy} checks. The words of the other quantities say what is
     * counted (估值 is not 融资) and stay.
     */
    String withoutCue(String question) {
        return this == AGE ? asked.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ") : question;
    }

    /** Whether a line that holds a number holds one of this kind (always for {@link #ANY}). */
    boolean heldBy(String line) {
        return this == ANY || held.matcher(line).find();
    }
}
