package dev.episodebot.core.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question expects, judged from its question words in either language, and
 * whether a transcript line holds an answer of that kind. The type decides which line of the
 * evidence answers (a number question is answered by the line with the number, even when its
 * neighbour shares more words with the question) and, for the types a line can be checked for
 * reliably ({@link #checkable()}), whether the evidence holds an answer at all.
 *
 * <p>Whether a question asks for several answers (a list) is orthogonal: see {@link QuestionAnalysis#list()}.
 */
public enum AnswerType {
    /** 多少, 几个, 多大, 第几, how many, how much, how old. */
    NUMBER,
    /** 什么时候, 哪天, 哪年, 几月, when, what year. */
    DATE,
    /** 谁, 哪位, 叫什么名字, who, whom. */
    PERSON,
    /** 哪家公司, 什么机构, which company. */
    ORGANISATION,
    /** 哪里, 在哪, 哪个国家, where. */
    PLACE,
    /** A role or position: 什么职位, 担任什么, 负责什么, what role, what position. */
    TITLE,
    /** 为什么, 为啥, 原因, why, how come. */
    REASON,
    /** 吗, 是不是, 有没有, is it, did he. */
    YES_NO,
    /** Anything else (what did he say about …). */
    OTHER;

    private static final Pattern ZH_DATE = Pattern.compile("什么时候|啥时候|啥时|哪天|哪一天|哪年|哪一年|几月|几号|哪个月|何时|日期|多会儿");
    private static final Pattern ZH_NUMBER = Pattern.compile(
            "多少|几[个位名款篇次年岁人项家月天倍斤公亿万种部条件份句点]|多大|多久|多长|多高|多重|多远|年纪|年龄|岁数|第几|排名|排第|几成|百分之几|参数量");
    private static final Pattern ZH_REASON = Pattern.compile("为什么|为啥|为何|怎么会|咋会|原因|什么缘故|凭什么|理由|动机|导致");
    private static final Pattern ZH_PERSON = Pattern.compile("谁|哪位|哪个人|哪些人|什么人|叫什么名字|名字叫|主持人|主播");
    private static final Pattern ZH_ORGANISATION = Pattern.compile(
            "哪家|哪个公司|哪些公司|什么公司|哪个机构|什么机构|哪个团队|哪个平台|什么平台|哪个实验室|哪个大厂|哪个频道|什么频道");
    private static final Pattern ZH_PLACE = Pattern.compile("哪里|哪儿|在哪|去哪|哪个国家|哪个城市|哪个地方|什么地方|哪国|哪座");
    private static final Pattern ZH_TITLE = Pattern.compile(
            "什么身份|啥身份|什么角色|啥角色|什么职位|啥职位|什么职务|什么头衔|什么岗位|啥职级|什么职级|担任什么|担任啥|负责什么|负责啥|管什么|管啥|干什么的|干啥的|做什么的|是干嘛的|什么工作");
    private static final Pattern ZH_YES_NO = Pattern.compile("吗[？?。!！]*$|是不是|是否|有没有|能不能|会不会|可不可以|算不算|对不对");

    private static final Pattern EN_DATE = Pattern.compile("\\bwhen\\b|\\bwhat (year|month|day|date|time)\\b|\\bwhich (year|month|day)\\b");
    private static final Pattern EN_NUMBER = Pattern.compile(
            "\\bhow (many|much|old|long|big|large|tall|heavy|far)\\b|\\bwhat (percentage|number|size|age|rank|place)\\b|\\bwhat was the (size|number|price)\\b");
    private static final Pattern EN_LEADING_NUMBER = Pattern.compile("^(and |so |then )?how (many|much|old|long|big|large|tall|heavy|far)\\b");
    private static final Pattern EN_REASON = Pattern.compile("\\bwhy\\b|\\bhow come\\b|\\bwhat (reason|caused|made)\\b|\\bfor what reason\\b");
    private static final Pattern EN_PERSON = Pattern.compile("\\bwho\\b|\\bwhom\\b|\\bwhose\\b|\\bwhich (person|people|researcher|founder|ceo)\\b|\\bhost\\b");
    private static final Pattern EN_ORGANISATION = Pattern.compile(
            "\\b(which|what) (company|companies|firm|organi[sz]ation|lab|startup|team|platform|channel|conference|event)\\b");
    private static final Pattern EN_PLACE = Pattern.compile("\\bwhere\\b|\\b(which|what) (country|city|place|office|campus)\\b");
    private static final Pattern EN_TITLE = Pattern.compile(
            "\\b(what|which) (role|position|title|job|post)\\b|\\bwhat (is|was|does|did) \\w+( \\w+)? (do|doing)\\b|\\bin charge of\\b|\\bresponsible for\\b");
    private static final Pattern EN_YES_NO = Pattern.compile(
            "^(is|are|was|were|did|does|do|can|could|has|have|had|will|would|should)\\b");

    private static final Pattern NUMBER_LINE = Pattern.compile(
            "[0-9０-９]|[一二三四五六七八九十百千万亿两半]+\\s*[个位名款篇次年岁人斤公月日号亿万千百倍成种部条份元块辆台张本期集]|第[一二三四五六七八九十]|一年半|半年");
    private static final Pattern DATE_LINE = Pattern.compile(
            "[0-9０-９一二三四五六七八九十]+\\s*[年月日号]|去年|今年|明年|前年|上个月|这个月|下个月|\\b(19|20)[0-9]{2}\\b|周[一二三四五六日]|星期");
    private static final Pattern REASON_LINE = Pattern.compile("因为|由于|所以|因此|导致|认为|原因|为了|以致|造成|之所以|毕竟|考虑到|使得|于是");
    private static final Pattern PERSON_LINE = Pattern.compile(
            "[A-Z][a-z]+|[a-z]{3,}\\b|[\\p{IsHan}][·・][\\p{IsHan}]|我是|创始人|CEO|主管|研究员|科学家|成员|主持");
    private static final Pattern ORGANISATION_LINE = Pattern.compile(
            "[A-Z][A-Za-z]+|公司|集团|团队|大厂|实验室|机构|平台|频道|大学|学院|峰会|会议|播客|媒体|这里是");
    private static final Pattern PLACE_LINE = Pattern.compile(
            "[A-Z][A-Za-z]+|[国省市州县城区镇村]|园区|办公室|总部|加入|回到|回归|重返|去了|前往|来到");
    private static final Pattern TITLE_LINE = Pattern.compile(
            "担任|身份|职位|负责|主管|首席|科学家|研究员|创始人|CEO|负责人|主任|总监|经理|教授|联创|成员|成为");

    /** The question words of a type in both languages. */
    private record Asked(AnswerType type, Pattern zh, Pattern en) {}

    /** In the order they are tried: a date or reason question may also hold 多少; a title one 什么. */
    private static final java.util.List<Asked> ASKED = java.util.List.of(new Asked(DATE, ZH_DATE, EN_DATE),
            new Asked(REASON, ZH_REASON, EN_REASON), new Asked(NUMBER, ZH_NUMBER, EN_NUMBER),
            new Asked(TITLE, ZH_TITLE, EN_TITLE), new Asked(ORGANISATION, ZH_ORGANISATION, EN_ORGANISATION),
            new Asked(PERSON, ZH_PERSON, EN_PERSON), new Asked(PLACE, ZH_PLACE, EN_PLACE),
            new Asked(YES_NO, ZH_YES_NO, EN_YES_NO));

    /** The type a question asks for. */
    public static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        if (EN_LEADING_NUMBER.matcher(q).find()) {
            return NUMBER; // how old was he when … : the "when" is a clause
        }
        for (Asked asked : ASKED) {
            if (asked.zh().matcher(q).find() || asked.en().matcher(q).find()) {
                return asked.type();
            }
        }
        return OTHER;
    }

    /**
     * The question without the words that ask for this type (叫什么名字, 什么职位, 哪年): they say what kind
     * of answer is wanted, not what it is about.
     */
    String withoutCue(String question) {
        for (Asked asked : ASKED) {
            if (asked.type() == this) {
                return asked.zh().matcher(question).replaceAll(" ");
            }
        }
        return question;
    }

    /** Whether a line holds an answer of this type (always false for {@link #YES_NO} and {@link #OTHER}). */
    public boolean heldBy(String line) {
        Pattern pattern = switch (this) {
            case NUMBER -> NUMBER_LINE;
            case DATE -> DATE_LINE;
            case REASON -> REASON_LINE;
            case PERSON -> PERSON_LINE;
            case ORGANISATION -> ORGANISATION_LINE;
            case PLACE -> PLACE_LINE;
            case TITLE -> TITLE_LINE;
            case YES_NO, OTHER -> null;
        };
        return pattern != null && pattern.matcher(line).find();
    }

    /**
     * Whether the absence of a line of this type near the evidence means the episode does not state
     * the answer: true for numbers and dates, whose lines can be recognised reliably.
     */
    public boolean checkable() {
        return this == NUMBER || this == DATE;
    }

    /** Whether a line of this type is the answer to prefer (every type but {@link #YES_NO} and {@link #OTHER}). */
    public boolean typed() {
        return this != YES_NO && this != OTHER;
    }
}
