package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer type and quantity of a question, and which lines hold such an answer. */
class AnswerTypeTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "Yi Tay 读博读了多久啊 | NUMBER | DURATION",
            "他是在多大年纪决定创业的？ | NUMBER | AGE",
            "How old was Yi Tay when he started his company? | NUMBER | AGE",
            "创业期间他胖了多少？ | NUMBER | WEIGHT",
            "Reka 融了多少钱？ | NUMBER | MONEY",
            "Reka 的团队有几个人啊 | NUMBER | PEOPLE",
            "他在 Google 带多大的团队？ | NUMBER | PEOPLE",
            "Reka Core 在排行榜上是第几名？ | NUMBER | ANY",
            "他在谷歌写了几篇论文来着？ | NUMBER | ANY",
            "Reka 是什么时候成立的？ | DATE | ANY",
            "When did he announce it? | DATE | ANY",
            "为啥要回去 | REASON | ANY",
            "是谁邀请的他？ | PERSON | ANY",
            "Adept 的人最后去了哪家公司 | ORGANISATION | ANY",
            "他毕业后在哪里上班 | PLACE | ANY",
            "他在 Reka 是干啥的？ | TITLE | ANY",
            "后来成了吗？ | YES_NO | ANY",
            "说说他的创业经历 | OTHER | ANY"})
    void typeAndQuantityOfAQuestion(String question, AnswerType type, Quantity quantity) {
        // GIVEN a question WHEN it is typed THEN it asks for that type and counts that quantity
        AnswerType typed = AnswerType.of(question);
        assertThat(typed).isEqualTo(type);
        assertThat(Quantity.of(question, typed)).isEqualTo(quantity);
    }

    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "当时 33 岁的 Yi Tay | AGE | true",
            "于是在去年 3 月 | AGE | false",
            "于是在去年 3 月 | DURATION | true",
            "我胖了 30 斤 | WEIGHT | true",
            "我胖了 30 斤 | MONEY | false",
            "虽然我们总共分批融资了超过 1 亿美元 | MONEY | true",
            "这些成就是由不到 15 人的技术团队完成的 | PEOPLE | true",
            "他还为大约 20 款产品的发布做出了贡献 | ANY | true"})
    void aQuantityIsHeldByTheLinesThatCountIt(String line, Quantity quantity, boolean held) {
        assertThat(AnswerType.NUMBER.heldBy(line) && quantity.heldBy(line)).isEqualTo(held);
    }
}
