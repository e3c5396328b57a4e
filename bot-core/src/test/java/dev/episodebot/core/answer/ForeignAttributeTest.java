package dev.episodebot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The asked slot of an English question: the word its grammar says it asks about. */
class ForeignAttributeTest {

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            // question | slot words (none: empty)
            "How many subscribers does this channel have? | subscribers",
            "thanks! btw how many first-author papers did he have? | papers",   // the head noun, not its modifier
            "How much weight did Yi Tay gain? | weight",
            "How much did Microsoft pay to bring in Inflection's co-founder? | ''", // no counted noun: the verb is free
            "What is Reka's valuation right now? | valuation",                  // a time adverb ends the phrase
            "What is Reka's smallest model called? | model",
            "What's the name of Yi Tay's wife? | wife",                         // "name" asks for the type
            "What is the capital of Australia? | capital",
            "Where is Snowflake headquartered? | headquartered",
            "When was Yi Tay born? | born",
            "When did Yi Tay announce he was going back to Google? | ''",
            "Who does Yi Tay report to now? | ''",
    })
    void findsTheAskedSlot(String question, String expected) {
        // GIVEN an English question WHEN its asked slot is read THEN it holds the attribute words
        assertThat(String.join(" ", ForeignAttribute.of(question))).isEqualTo(expected);
    }
}
