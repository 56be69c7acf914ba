package dev.portal.sandbox.salesforce.rest;

import dev.portal.sandbox.salesforce.SalesforceIds;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.Field;
import dev.portal.sandbox.salesforce.rest.SalesforceSchema.SObject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SOQL subset the simulator understands: {@code SELECT} fields (and parent fields such as
 * {@code Account.Name}) or {@code COUNT()}, {@code FROM} one object, {@code WHERE} with = != <> < > <= >= LIKE,
 * IN, NOT IN, AND, OR, NOT and parentheses over string, number, boolean, null, date, datetime literals and the
 * date literals TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n; {@code ORDER BY}, {@code LIMIT},
 * {@code OFFSET}. Anything else is {@code MALFORMED_QUERY}; an unknown field is {@code INVALID_FIELD}.
 */
final class SalesforceSoql {

    /** A resolved field path: the relationships walked, then the field. */
    record Path(List<Field> relationships, Field field, String text) {
        String[] names() {
            String[] names = new String[relationships.size() + 1];
            for (int i = 0; i < relationships.size(); i++) {
                names[i] = relationships.get(i).relationshipName();
            }
            names[relationships.size()] = field.name();
            return names;
        }
    }

    record OrderBy(Path path, boolean descending, boolean nullsFirst) {
    }

    record Query(SObject object, List<Path> fields, boolean count, Condition where, List<OrderBy> orderBy, Integer limit, Integer offset) {
    }

    sealed interface Condition permits And, Or, Not, Compare, In {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    record Compare(Path path, String operator, Literal value) implements Condition {
    }

    record In(Path path, List<Literal> values, boolean negated) implements Condition {
    }

    enum Kind { STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME, RANGE }

    /** A literal; ranges (TODAY, LAST_N_DAYS:n) hold [start, end). */
    record Literal(Kind kind, Object value, Instant start, Instant end) {
        static Literal of(Kind kind, Object value) {
            return new Literal(kind, value, null, null);
        }
    }

    private record Token(String text, String kind, int position) {
        boolean is(String keyword) {
            return kind.equals("word") && text.equalsIgnoreCase(keyword);
        }
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("select", "from", "where", "and", "or", "not", "like",
            "in", "order", "by", "limit", "offset", "asc", "desc", "nulls", "first", "last", "null", "true", "false");

    private final String soql;
    private final List<Token> tokens;
    private final Instant now;
    private int next;

    private SalesforceSoql(String soql, Instant now) {
        this.soql = soql;
        this.tokens = tokenize(soql);
        this.now = now;
    }

    static Query parse(String soql, Instant now) {
        if (soql == null || soql.isBlank()) {
            throw malformed(soql, 0, "unexpected token: <EOF>");
        }
        return new SalesforceSoql(soql, now).query();
    }

    // ---- parsing ----

    private Query query() {
        expect("SELECT");
        boolean count = false;
        List<String[]> selected = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (peek().is("COUNT") && peekAt(1).text().equals("(")) {
            next += 2;
            expectSymbol(")");
            count = true;
        } else {
            do {
                Token field = word("field name");
                selected.add(field.text().split("\\."));
                positions.add(field.position());
            } while (acceptSymbol(","));
        }
        expect("FROM");
        Token from = take();
        if (!from.kind().equals("word")) {
            throw malformed(soql, from.position(), "unexpected token: '" + from.text() + "' (expected object name)");
        }
        SObject object = SalesforceSchema.object(from.text()).orElseThrow(() -> SalesforceRestError.of(400, "INVALID_TYPE",
                error(from.position(), "sObject type '" + from.text() + "' is not supported. If you are attempting to use a custom object,"
                        + " be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.")));
        List<Path> fields = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            Path path = resolve(object, selected.get(i), positions.get(i));
            if (fields.stream().noneMatch(f -> f.text().equalsIgnoreCase(path.text()))) {
                fields.add(path);
            } else {
                throw SalesforceRestError.of(400, "MALFORMED_QUERY", error(positions.get(i), "duplicate field selected: " + path.text()));
            }
        }
        Condition where = null;
        if (accept("WHERE")) {
            where = or(object);
        }
        List<OrderBy> orderBy = new ArrayList<>();
        if (accept("ORDER")) {
            expect("BY");
            do {
                Token field = word("field name");
                Path path = resolve(object, field.text().split("\\."), field.position());
                boolean descending = accept("DESC");
                if (!descending) {
                    accept("ASC");
                }
                boolean nullsFirst = !descending;
                if (accept("NULLS")) {
                    if (accept("LAST")) {
                        nullsFirst = false;
                    } else {
                        expect("FIRST");
                        nullsFirst = true;
                    }
                }
                orderBy.add(new OrderBy(path, descending, nullsFirst));
            } while (acceptSymbol(","));
        }
        Integer limit = accept("LIMIT") ? integer() : null;
        Integer offset = accept("OFFSET") ? integer() : null;
        if (next < tokens.size()) {
            Token extra = tokens.get(next);
            throw malformed(soql, extra.position(), "unexpected token: '" + extra.text() + "'");
        }
        return new Query(object, fields, count, where, orderBy, limit, offset);
    }

    private Condition or(SObject object) {
        List<Condition> parts = new ArrayList<>(List.of(and(object)));
        while (accept("OR")) {
            parts.add(and(object));
        }
        return parts.size() == 1 ? parts.getFirst() : new Or(parts);
    }

    private Condition and(SObject object) {
        List<Condition> parts = new ArrayList<>(List.of(unary(object)));
        while (accept("AND")) {
            parts.add(unary(object));
        }
        return parts.size() == 1 ? parts.getFirst() : new And(parts);
    }

    private Condition unary(SObject object) {
        if (accept("NOT")) {
            return new Not(unary(object));
        }
        if (acceptSymbol("(")) {
            Condition inner = or(object);
            expectSymbol(")");
            return inner;
        }
        Token field = word("field name");
        Path path = resolve(object, field.text().split("\\."), field.position());
        if (accept("NOT")) {
            expect("IN");
            return new In(path, list(), true);
        }
        if (accept("IN")) {
            return new In(path, list(), false);
        }
        if (accept("LIKE")) {
            Literal pattern = literal();
            if (pattern.kind() != Kind.STRING) {
                throw malformed(soql, tokens.get(next - 1).position(), "LIKE needs a string pattern");
            }
            return new Compare(path, "LIKE", pattern);
        }
        Token operator = take();
        if (!operator.kind().equals("op")) {
            throw malformed(soql, operator.position(), "unexpected token: '" + operator.text() + "'");
        }
        String op = operator.text().equals("<>") ? "!=" : operator.text();
        return new Compare(path, op, literal());
    }

    private List<Literal> list() {
        expectSymbol("(");
        List<Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return values;
    }

    private Literal literal() {
        Token token = take();
        String text = token.text();
        switch (token.kind()) {
            case "string":
                return Literal.of(Kind.STRING, text);
            case "value":
                if (DATETIME.matcher(text).matches()) {
                    return Literal.of(Kind.DATETIME, SalesforceValues.parseDateTime(text));
                }
                if (DATE.matcher(text).matches()) {
                    try {
                        return Literal.of(Kind.DATE, LocalDate.parse(text));
                    } catch (DateTimeParseException e) {
                        throw malformed(soql, token.position(), "invalid date: " + text);
                    }
                }
                if (NUMBER.matcher(text).matches()) {
                    return Literal.of(Kind.NUMBER, Double.parseDouble(text));
                }
                throw malformed(soql, token.position(), "unexpected token: '" + text + "'");
            case "word":
                String upper = text.toUpperCase(Locale.ROOT);
                if (upper.equals("NULL")) {
                    return Literal.of(Kind.NULL, null);
                }
                if (upper.equals("TRUE") || upper.equals("FALSE")) {
                    return Literal.of(Kind.BOOLEAN, Boolean.parseBoolean(upper));
                }
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                return switch (upper.contains(":") ? upper.substring(0, upper.indexOf(':')) : upper) {
                    case "TODAY" -> range(today, today.plusDays(1));
                    case "YESTERDAY" -> range(today.minusDays(1), today);
                    case "TOMORROW" -> range(today.plusDays(1), today.plusDays(2));
                    case "LAST_N_DAYS" -> range(today.minusDays(days(token)), today.plusDays(1));
                    case "NEXT_N_DAYS" -> range(today.plusDays(1), today.plusDays(1 + days(token)));
                    default -> throw malformed(soql, token.position(), "unexpected token: '" + text + "'");
                };
            default:
                throw malformed(soql, token.position(), "unexpected token: '" + text + "'");
        }
    }

    private int days(Token token) {
        String text = token.text();
        int colon = text.indexOf(':');
        try {
            return Integer.parseInt(text.substring(colon + 1));
        } catch (RuntimeException e) {
            throw malformed(soql, token.position(), "invalid date literal: " + text);
        }
    }

    private static Literal range(LocalDate from, LocalDate until) {
        return new Literal(Kind.RANGE, null, from.atStartOfDay(ZoneOffset.UTC).toInstant(), until.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private int integer() {
        Token token = take();
        try {
            int value = Integer.parseInt(token.text());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw malformed(soql, token.position(), "unexpected token: '" + token.text() + "'");
        }
    }

    private Path resolve(SObject object, String[] names, int position) {
        List<Field> relationships = new ArrayList<>();
        SObject current = object;
        for (int i = 0; i < names.length - 1; i++) {
            String name = names[i];
            SObject from = current;
            Field reference = from.relationship(name).orElseThrow(() -> SalesforceRestError.of(400, "INVALID_FIELD",
                    error(position, "Didn't understand relationship '" + name + "' in field path. If you are attempting to use a custom relationship,"
                            + " be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.")));
            relationships.add(reference);
            current = SalesforceSchema.object(reference.references()).orElseThrow(() -> SalesforceRestError.of(400, "INVALID_FIELD",
                    error(position, "No such column '" + name + "' on entity '" + from.name() + "'.")));
        }
        SObject owner = current;
        String last = names[names.length - 1];
        Field field = owner.field(last).orElseThrow(() -> SalesforceRestError.of(400, "INVALID_FIELD",
                error(position, "No such column '" + last + "' on entity '" + owner.name() + "'. If you are attempting to use a custom field,"
                        + " be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.")));
        return new Path(List.copyOf(relationships), field, String.join(".", names));
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : new Token("<EOF>", "eof", soql.length());
    }

    private Token peekAt(int ahead) {
        return next + ahead < tokens.size() ? tokens.get(next + ahead) : new Token("<EOF>", "eof", soql.length());
    }

    private Token take() {
        Token token = peek();
        if (token.kind().equals("eof")) {
            throw malformed(soql, token.position(), "unexpected token: <EOF>");
        }
        next++;
        return token;
    }

    private Token word(String what) {
        Token token = take();
        if (!token.kind().equals("word") || RESERVED.contains(token.text().toLowerCase(Locale.ROOT))) {
            throw malformed(soql, token.position(), "unexpected token: '" + token.text() + "' (expected " + what + ")");
        }
        return token;
    }

    private boolean accept(String keyword) {
        if (peek().is(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String keyword) {
        Token token = peek();
        if (!accept(keyword)) {
            throw malformed(soql, token.position(), "unexpected token: '" + token.text() + "' (expected " + keyword + ")");
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().kind().equals("symbol") && peek().text().equals(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        Token token = peek();
        if (!acceptSymbol(symbol)) {
            throw malformed(soql, token.position(), "unexpected token: '" + token.text() + "' (expected '" + symbol + "')");
        }
    }

    private static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (soql != null && i < soql.length()) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < soql.length()) {
                    char d = soql.charAt(i++);
                    if (d == '\\' && i < soql.length()) {
                        char e = soql.charAt(i++);
                        text.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> e;
                        });
                    } else if (d == '\'') {
                        closed = true;
                        break;
                    } else {
                        text.append(d);
                    }
                }
                if (!closed) {
                    throw malformed(soql, start, "unterminated string literal");
                }
                tokens.add(new Token(text.toString(), "string", start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < soql.length() && Character.isDigit(soql.charAt(i + 1)))) {
                int start = i++;
                while (i < soql.length() && (Character.isDigit(soql.charAt(i)) || ".:-+TZ".indexOf(soql.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(soql.substring(start, i), "value", start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < soql.length() && (Character.isLetterOrDigit(soql.charAt(i)) || "_.:".indexOf(soql.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(soql.substring(start, i), "word", start));
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), "symbol", i++));
            } else if ("=<>!".indexOf(c) >= 0) {
                int start = i;
                String two = i + 1 < soql.length() ? soql.substring(i, i + 2) : "";
                if (List.of("!=", "<>", "<=", ">=").contains(two)) {
                    i += 2;
                    tokens.add(new Token(two, "op", start));
                } else if (c == '!') {
                    throw malformed(soql, i, "unexpected token: '!'");
                } else {
                    i++;
                    tokens.add(new Token(String.valueOf(c), "op", start));
                }
            } else {
                throw malformed(soql, i, "unexpected token: '" + c + "'");
            }
        }
        return tokens;
    }

    private String error(int position, String message) {
        return describe(soql, position, message);
    }

    private static SalesforceRestError malformed(String soql, int position, String message) {
        return SalesforceRestError.of(400, "MALFORMED_QUERY", describe(soql == null ? "" : soql, position, message));
    }

    /** Salesforce's query error layout: the query, a caret under the column, the position, the message. */
    private static String describe(String soql, int position, String message) {
        String oneLine = soql.replace('\n', ' ');
        return "\n" + oneLine + "\n" + " ".repeat(Math.max(0, position)) + "^\nERROR at Row:1:Column:" + (position + 1) + "\n" + message;
    }

    // ---- evaluation ----

    /** The matching records, sorted and sliced, in the REST shape (attributes, selected fields, nested parents). */
    static List<Map<String, Object>> run(Query query, SalesforceState data, String version) {
        Function<String, Optional<Map<String, Object>>> lookup = data::find;
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> record : data.all(query.object())) {
            if (query.where() == null || matches(query.where(), record, lookup)) {
                matches.add(record);
            }
        }
        if (!query.orderBy().isEmpty()) {
            Comparator<Map<String, Object>> order = null;
            for (OrderBy by : query.orderBy()) {
                Comparator<Map<String, Object>> one = (a, b) -> compareForSort(value(by.path(), a, lookup), value(by.path(), b, lookup), by);
                order = order == null ? one : order.thenComparing(one);
            }
            matches.sort(order);
        }
        int from = Math.min(query.offset() == null ? 0 : query.offset(), matches.size());
        int to = query.limit() == null ? matches.size() : Math.min(matches.size(), from + query.limit());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> record : matches.subList(from, to)) {
            rows.add(shape(query, record, lookup, version));
        }
        return rows;
    }

    static Map<String, Object> attributes(String type, String id, String version) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("url", "/services/data/v" + version + "/sobjects/" + type + "/" + id);
        return attributes;
    }

    private static Map<String, Object> shape(Query query, Map<String, Object> record, Function<String, Optional<Map<String, Object>>> lookup, String version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attributes", attributes(query.object().name(), (String) record.get("Id"), version));
        for (Path path : query.fields()) {
            Map<String, Object> target = row;
            Map<String, Object> source = record;
            boolean missing = false;
            for (Field relationship : path.relationships()) {
                String name = relationship.relationshipName();
                Object parentId = source.get(relationship.name());
                Optional<Map<String, Object>> parent = parentId == null ? Optional.empty() : lookup.apply((String) parentId);
                if (parent.isEmpty()) {
                    if (!target.containsKey(name)) {
                        target.put(name, null);
                    }
                    missing = true;
                    break;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) target.get(name);
                if (nested == null) {
                    nested = new LinkedHashMap<>();
                    nested.put("attributes", attributes(relationship.references(), (String) parentId, version));
                    target.put(name, nested);
                }
                target = nested;
                source = parent.get();
            }
            if (!missing) {
                target.put(path.field().name(), source.get(path.field().name()));
            }
        }
        return row;
    }

    private static Object value(Path path, Map<String, Object> record, Function<String, Optional<Map<String, Object>>> lookup) {
        Map<String, Object> source = record;
        for (Field relationship : path.relationships()) {
            Object parentId = source.get(relationship.name());
            if (parentId == null) {
                return null;
            }
            Optional<Map<String, Object>> parent = lookup.apply((String) parentId);
            if (parent.isEmpty()) {
                return null;
            }
            source = parent.get();
        }
        return source.get(path.field().name());
    }

    private static boolean matches(Condition condition, Map<String, Object> record, Function<String, Optional<Map<String, Object>>> lookup) {
        return switch (condition) {
            case And and -> and.parts().stream().allMatch(c -> matches(c, record, lookup));
            case Or or -> or.parts().stream().anyMatch(c -> matches(c, record, lookup));
            case Not not -> !matches(not.inner(), record, lookup);
            case In in -> {
                Object value = value(in.path(), record, lookup);
                boolean found = in.values().stream().anyMatch(l -> compare(in.path().field(), value, "=", l));
                yield in.negated() != found;
            }
            case Compare cmp -> compare(cmp.path().field(), value(cmp.path(), record, lookup), cmp.operator(), cmp.value());
        };
    }

    private static boolean compare(Field field, Object value, String op, Literal literal) {
        if (literal.kind() == Kind.NULL) {
            return switch (op) {
                case "=" -> value == null;
                case "!=" -> value != null;
                default -> false;
            };
        }
        if (op.equals("LIKE")) {
            return value != null && like((String) literal.value()).matcher(value.toString()).matches();
        }
        if (value == null) {
            return op.equals("!=");
        }
        if (literal.kind() == Kind.RANGE) {
            Instant at = instant(field, value);
            if (at == null) {
                return false;
            }
            return switch (op) {
                case "=" -> !at.isBefore(literal.start()) && at.isBefore(literal.end());
                case "!=" -> at.isBefore(literal.start()) || !at.isBefore(literal.end());
                case "<" -> at.isBefore(literal.start());
                case "<=" -> at.isBefore(literal.end());
                case ">" -> !at.isBefore(literal.end());
                case ">=" -> !at.isBefore(literal.start());
                default -> false;
            };
        }
        int result = switch (literal.kind()) {
            case NUMBER -> {
                double number = value instanceof Number n ? n.doubleValue() : parseOr(value.toString());
                yield Double.compare(number, (Double) literal.value());
            }
            case BOOLEAN -> Boolean.compare(Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(value.toString()), (Boolean) literal.value());
            case DATE -> {
                Instant at = instant(field, value);
                Instant day = ((LocalDate) literal.value()).atStartOfDay(ZoneOffset.UTC).toInstant();
                yield at == null ? -1 : at.compareTo(day);
            }
            case DATETIME -> {
                Instant at = instant(field, value);
                yield at == null ? -1 : at.compareTo((Instant) literal.value());
            }
            default -> {
                String text = (String) literal.value();
                if (field.type() == SalesforceSchema.Type.ID || field.type() == SalesforceSchema.Type.REFERENCE) {
                    String id = SalesforceIds.normalize(text);
                    yield Objects.equals(value, id) ? 0 : value.toString().compareTo(text);
                }
                if (field.numeric()) {
                    yield Double.compare(((Number) value).doubleValue(), parseOr(text));
                }
                yield value.toString().compareToIgnoreCase(text);
            }
        };
        return switch (op) {
            case "=" -> result == 0;
            case "!=" -> result != 0;
            case "<" -> result < 0;
            case "<=" -> result <= 0;
            case ">" -> result > 0;
            case ">=" -> result >= 0;
            default -> false;
        };
    }

    private static double parseOr(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Instant instant(Field field, Object value) {
        String text = value.toString();
        try {
            return field.type() == SalesforceSchema.Type.DATE || text.length() == 10
                    ? LocalDate.parse(text.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : SalesforceValues.parseDateTime(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareForSort(Object a, Object b, OrderBy by) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == by.nullsFirst() ? -1 : 1;
        }
        int result = a instanceof String sa && b instanceof String sb ? sa.compareToIgnoreCase(sb) : ((Comparable) a).compareTo(b);
        return by.descending() ? -result : result;
    }
}
