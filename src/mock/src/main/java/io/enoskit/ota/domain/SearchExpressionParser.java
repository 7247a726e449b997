package io.enoskit.ota.domain;

import io.enoskit.ota.domain.SearchExpression.AllOf;
import io.enoskit.ota.domain.SearchExpression.AnyOf;
import io.enoskit.ota.domain.SearchExpression.Compare;
import io.enoskit.ota.domain.SearchExpression.Condition;
import io.enoskit.ota.domain.SearchExpression.Like;
import io.enoskit.ota.domain.SearchExpression.Literal;
import io.enoskit.ota.domain.SearchFields.Field;
import io.enoskit.ota.domain.SearchFields.Kind;
import io.enoskit.ota.domain.SearchFields.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one expression (at most {@link SearchExpression#MAX_LENGTH} characters) into a {@link Condition}: first
 * into tokens, then by recursive descent over the grammar of {@link SearchExpression}. Recursion goes one level
 * per parenthesis and is capped at {@link SearchExpression#MAX_DEPTH}; everything else is a loop, so the work is
 * linear in the length. One instance per expression; not shared.
 */
final class SearchExpressionParser {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /** Longest piece of the expression quoted back in a message, in characters. */
    private static final int SHOWN = 40;

    private enum Type { WORD, NUMBER, TEXT, OPERATOR, OPEN, CLOSE, COMMA, END }

    /** A token and its 1-based position; a TEXT token's text is without its quotes. */
    private record Token(Type type, String text, int position) {
        boolean is(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        /** How a message names it: "the end of the expression", "the text 'a'", "'status'". */
        String described() {
            return switch (type) {
                case END -> "the end of the expression";
                case TEXT -> "the text " + Literal.quote(shorten(text));
                case NUMBER -> "the number " + shorten(text);
                default -> "'" + shorten(text) + "'";
            };
        }
    }

    /** A field as written: {@code name.en_US} is the field {@code name} with a locale. */
    private record FieldRef(Field field, String suffix, String localeKey, String written) {
    }

    private final String text;
    private final SearchFields<?> allowed;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    SearchExpressionParser(String text, SearchFields<?> allowed) {
        this.text = text;
        this.allowed = allowed;
    }

    /** The condition of the whole expression (not blank). */
    Condition parse() {
        tokenize();
        Condition condition = or(0, null);
        Token rest = peek();
        if (rest.type() == Type.CLOSE) {
            throw error("a ')' at position " + rest.position() + " has no matching '('", rest);
        }
        if (rest.type() != Type.END) {
            throw error("expected 'and', 'or' or the end of the expression at position " + rest.position()
                    + ", found " + rest.described(), rest);
        }
        return condition;
    }

    // ---- grammar

    private Condition or(int depth, Token before) {
        List<Condition> parts = new ArrayList<>(List.of(and(depth, before)));
        while (peek().is("or")) {
            parts.add(and(depth, take()));
        }
        return parts.size() == 1 ? parts.get(0) : new AnyOf(List.copyOf(parts));
    }

    private Condition and(int depth, Token before) {
        List<Condition> parts = new ArrayList<>(List.of(term(depth, before)));
        while (peek().is("and")) {
            parts.add(term(depth, take()));
        }
        return parts.size() == 1 ? parts.get(0) : new AllOf(List.copyOf(parts));
    }

    private Condition term(int depth, Token before) {
        Token token = peek();
        if (token.type() == Type.OPEN) {
            return group(depth);
        }
        boolean notExists = token.is("not") && tokens.get(next + 1).is("exists");
        if (token.is("exists") || notExists) {
            throw error((notExists ? "'not exists(...)'" : "'exists(...)'") + " is not supported by "
                    + allowed.search() + " at position " + token.position() + " (fields: " + fieldList() + ")", token);
        }
        if (token.is("not")) {
            throw error("'not' is not supported at position " + token.position()
                    + " (to negate a condition, use != instead of =)", token);
        }
        if (token.type() != Type.WORD || token.is("and") || token.is("or") || token.is("in") || token.is("like")) {
            throw error("expected a condition" + (before == null ? "" : " after '" + before.text() + "'")
                    + " at position " + token.position() + ", found " + token.described(), token);
        }
        return condition();
    }

    private Condition group(int depth) {
        Token open = take();
        if (depth >= SearchExpression.MAX_DEPTH) {
            throw error("parentheses nested more than " + SearchExpression.MAX_DEPTH + " deep at position "
                    + open.position(), open);
        }
        Condition inner = or(depth + 1, open);
        Token close = take();
        if (close.type() == Type.END) {
            throw error("a parenthesis opened at position " + open.position() + " is not closed", open);
        }
        if (close.type() != Type.CLOSE) {
            throw error("expected 'and', 'or' or ')' at position " + close.position() + ", found "
                    + close.described(), close);
        }
        return inner;
    }

    private Condition condition() {
        FieldRef ref = field(take());
        Token token = take();
        Operator operator = operator(token, ref);
        if (!ref.field().operators().contains(operator)) {
            throw error("the operator '" + operator.symbol() + "' is not allowed on '" + ref.written()
                    + "' at position " + token.position() + " (allowed: " + ref.field().operatorList() + ")", token);
        }
        return switch (operator) {
            case EQUALS, NOT_EQUALS -> new Compare(ref.field(), operator, List.of(value(token, ref)));
            case IN -> new Compare(ref.field(), operator, list(ref));
            case LIKE -> new Like(ref.field(), ref.suffix(), ref.localeKey(), value(token, ref).text());
        };
    }

    private FieldRef field(Token token) {
        String written = token.text();
        int dot = written.indexOf('.');
        String base = dot < 0 ? written : written.substring(0, dot);
        if (base.equals("tags")) {
            throw error("conditions on tags ('" + shorten(written) + "') are not supported by " + allowed.search()
                    + " at position " + token.position() + " (fields: " + fieldList() + ")", token);
        }
        Optional<Field> field = allowed.field(base);
        Optional<Field> later = allowed.later(base);
        if (later.isPresent() && (dot < 0 || later.get().kind() == Kind.I18N)) {
            throw error("field '" + shorten(written) + "' is not in EnOS " + allowed.release() + " (it came with EnOS "
                    + later.get().since() + ") at position " + token.position() + " (fields of EnOS "
                    + allowed.release() + ": " + fieldList() + ")", token);
        }
        if (field.isEmpty() || dot >= 0 && field.get().kind() != Kind.I18N) {
            throw error("unknown field '" + shorten(written) + "' at position " + token.position() + " ("
                    + caseHint(base).orElse("fields: " + fieldList()) + ")", token);
        }
        if (dot < 0) {
            return new FieldRef(field.get(), null, null, written);
        }
        String suffix = written.substring(dot + 1);
        if (!allowed.hasLocales(field.get())) {
            throw error("field '" + shorten(written) + "' is not in EnOS " + allowed.release() + " (locale suffixes on '"
                    + base + "' came with EnOS " + field.get().localesSince() + ") at position " + token.position()
                    + " (use " + base + " alone)", token);
        }
        String localeKey = allowed.localeKey(suffix).orElseThrow(() -> error("unknown locale '" + shorten(suffix)
                + "' in '" + base + "." + shorten(suffix) + "' at position " + token.position() + " (use " + base
                + " alone or with ." + String.join(", .", allowed.suffixes()) + ")", token));
        return new FieldRef(field.get(), suffix, localeKey, written);
    }

    private Operator operator(Token token, FieldRef ref) {
        if (token.type() == Type.OPERATOR) {
            return switch (token.text()) {
                case "=" -> Operator.EQUALS;
                case "!=" -> Operator.NOT_EQUALS;
                case "<>", "==" -> throw error("the operator '" + token.text() + "' is not supported at position "
                        + token.position() + " (use " + (token.text().equals("<>") ? "!=" : "=") + ")", token);
                default -> throw error("the operator '" + shorten(token.text()) + "' is not supported at position "
                        + token.position() + " (allowed on '" + ref.written() + "': " + ref.field().operatorList()
                        + ")", token);
            };
        }
        if (token.is("in")) {
            return Operator.IN;
        }
        if (token.is("like")) {
            return Operator.LIKE;
        }
        if (token.is("not")) {
            throw error("'not' is not supported at position " + token.position() + " (allowed on '" + ref.written()
                    + "': " + ref.field().operatorList() + "; to leave out several values, join != with and)", token);
        }
        throw error("expected an operator after '" + ref.written() + "' at position " + token.position()
                + ", found " + token.described() + " (allowed: " + ref.field().operatorList() + ")", token);
    }

    /** The values of {@code in}: "(" value ("," value)* ")". */
    private List<Literal> list(FieldRef ref) {
        Token open = take();
        if (open.type() != Type.OPEN) {
            throw error("'in' needs a list in parentheses at position " + open.position() + ", found "
                    + open.described() + " (e.g. " + ref.written() + " in ('a', 'b'))", open);
        }
        if (peek().type() == Type.CLOSE) {
            throw error("'in' needs at least one value at position " + peek().position() + " (e.g. "
                    + ref.written() + " in ('a', 'b'))", peek());
        }
        List<Literal> values = new ArrayList<>(List.of(value(open, ref)));
        Token token = take();
        while (token.type() == Type.COMMA) {
            values.add(value(token, ref));
            token = take();
        }
        if (token.type() == Type.END) {
            throw error("the list of 'in' opened at position " + open.position() + " is not closed", open);
        }
        if (token.type() != Type.CLOSE) {
            throw error("expected ',' or ')' in the list of 'in' at position " + token.position() + ", found "
                    + token.described(), token);
        }
        return List.copyOf(values);
    }

    private Literal value(Token before, FieldRef ref) {
        Token token = take();
        Literal value = switch (token.type()) {
            case TEXT -> new Literal(token.text(), Literal.Type.TEXT);
            case NUMBER -> new Literal(token.text(), Literal.Type.NUMBER);
            case WORD -> {
                if (token.is("true") || token.is("false")) {
                    yield new Literal(token.text().toLowerCase(Locale.ROOT), Literal.Type.BOOLEAN);
                }
                throw error("expected a value after '" + before.text() + "' at position " + token.position()
                        + ", found " + token.described() + " (text goes in quotes: "
                        + Literal.quote(shorten(token.text())) + ")", token);
            }
            default -> throw error("expected a value after '" + before.text() + "' at position "
                    + token.position() + ", found " + token.described(), token);
        };
        if (ref.field().kind() == Kind.BOOLEAN
                && !value.text().equalsIgnoreCase("true") && !value.text().equalsIgnoreCase("false")) {
            throw error("'" + ref.written() + "' takes true or false at position " + token.position() + ", found "
                    + token.described(), token);
        }
        return value;
    }

    // ---- tokens

    private Token peek() {
        return tokens.get(next);
    }

    /** The next token; at the end, the END token again and again. */
    private Token take() {
        Token token = tokens.get(next);
        if (token.type() != Type.END) {
            next++;
        }
        return token;
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Type.OPEN : c == ')' ? Type.CLOSE : Type.COMMA, String.valueOf(c),
                        i + 1));
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(i);
            } else if (isOperatorChar(c)) {
                i = run(i, Type.OPERATOR);
            } else if (isWordChar(c)) {
                i = run(i, Type.WORD);
            } else {
                throw error("unexpected character " + shownCharacter(i) + " at position " + (i + 1)
                        + " (texts go in quotes)", i + 1);
            }
        }
        tokens.add(new Token(Type.END, "", text.length() + 1));
    }

    /** A word (field, keyword, number) or an operator: the longest run of its characters. */
    private int run(int start, Type type) {
        int end = start;
        while (end < text.length()
                && (type == Type.WORD ? isWordChar(text.charAt(end)) : isOperatorChar(text.charAt(end)))) {
            end++;
        }
        String run = text.substring(start, end);
        Type actual = type == Type.WORD && NUMBER.matcher(run).matches() ? Type.NUMBER : type;
        tokens.add(new Token(actual, run, start + 1));
        return end;
    }

    /** A quoted text from the quote at {@code start}; the same quote written twice stands for itself. */
    private int quoted(int start) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw error("a quote opened at position " + (start + 1) + " is not closed (a quote inside a text"
                        + " is written twice: 'it''s')", start + 1);
            }
            char c = text.charAt(i);
            if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Type.TEXT, value.toString(), start + 1));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    /** The character at an index as a message shows it: {@code '#'}, or {@code U+0000} when not printable. */
    private String shownCharacter(int index) {
        int codePoint = text.codePointAt(index);
        int type = Character.getType(codePoint);
        boolean invisible = Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
        return invisible ? String.format("U+%04X", codePoint) : "'" + Character.toString(codePoint) + "'";
    }

    // ---- messages

    private String fieldList() {
        return allowed.fields().stream().map(Field::name).collect(Collectors.joining(", "));
    }

    /** "did you mean 'status'?" when the name differs from a field only in case. */
    private Optional<String> caseHint(String base) {
        return allowed.fields().stream().map(Field::name).filter(name -> name.equalsIgnoreCase(base) && !name.equals(base)).findFirst()
                .map(name -> "field names are case-sensitive: did you mean '" + name + "'?");
    }

    private static String shorten(String piece) {
        return piece.length() <= SHOWN ? piece : piece.substring(0, SHOWN) + "...";
    }

    private static SearchExpressionException error(String message, Token token) {
        return error(message, token.position());
    }

    private static SearchExpressionException error(String message, int position) {
        return new SearchExpressionException(message, position);
    }
}
