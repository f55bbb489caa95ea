package dev.tapio.grammar;

/**
 * A field expression read from the start of a piece of text, such as {@code proc.aname[2]} out of
 * {@code %proc.aname[2] ran}.
 *
 * @param expression the field or transformer
 * @param end the offset in the text just after the expression
 */
public record FieldExpressionMatch(FieldExpr expression, int end) {}
