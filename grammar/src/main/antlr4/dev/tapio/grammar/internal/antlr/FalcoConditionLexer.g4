// Tokens of the Falco condition language, as libsinsp's filter parser reads them.
//
// libsinsp lexes on demand: what a piece of text means depends on where the parser stands
// (`not` is a keyword before an operand and a value after `=`; `a.b` is a field before an
// operator and a bare string after one). Each such place is a lexer mode here. A mode names
// what may come next, and every token says which mode follows it. An opening parenthesis
// sets the mode that follows the matching `)` and pushes the mode of what is inside, so the
// mode stack mirrors the parser's nesting and `)` just pops it.
//
// Nothing is ever rejected silently: every mode ends with a catch-all ERROR rule, and the
// lexer base class turns ERROR tokens (and an end of input where more is expected) into
// positioned syntax errors whose message depends on the mode, the way libsinsp's message
// depends on the parsing function that failed.
lexer grammar FalcoConditionLexer;

options {
  superClass = ConditionLexerBase;
}

tokens {
  ERROR,
  QUOTED,
  NUMBER,
  COMMA,
  T_RPAREN,
  T_RPAREN_LBRACKET,
  LIST_OPEN,
  LIST_CLOSE,
  TLIST_OPEN,
  TLIST_CLOSE
}

@header {
import dev.tapio.grammar.internal.ConditionLexerBase;
}

// ---------------------------------------------------------------------------------------------
// Character classes and shapes shared by the modes.
// ---------------------------------------------------------------------------------------------

// libsinsp's blanks: space, tab, backspace, CR, LF.
fragment BLANK : [ \t\u0008\r\n] ;

// POSIX [[:space:]], accepted only after `not`: no backspace, but vertical tab and form feed.
fragment SPACE : [ \t\n\u000B\u000C\r] ;

fragment IDENT_SHAPE : [a-zA-Z] [a-zA-Z0-9_]* ;

fragment FIELD_SHAPE : IDENT_SHAPE ( '.' IDENT_SHAPE )+ ;

fragment TRANSFORMER_NAME
  : 'tolower' | 'toupper' | 'b64' | 'basename' | 'len' | 'join' | 'concat' | 'getopt'
  ;

// A quoted string ends at the first quote of its kind that does not follow a backslash.
// Escapes are decoded (and checked) once the token is complete.
fragment DQ_STRING : '"' ( ~["\\] | '\\'+ ~["\\] | '\\'+ '"' )* '"' ;

fragment SQ_STRING : '\'' ( ~['\\] | '\\'+ ~['\\] | '\\'+ '\'' )* '\'' ;

fragment QUOTED_SHAPE : DQ_STRING | SQ_STRING ;

fragment HEX_SHAPE : '0' [xX] [0-9a-fA-F]+ ;

fragment DECIMAL_SHAPE : [+-]? [0-9]+ '.'? [0-9]* ( [eE] [+-] [0-9]+ )? ;

fragment NUMBER_SHAPE : HEX_SHAPE | DECIMAL_SHAPE ;

// Anything but blanks, parentheses, quotes, '=' and ','. A backspace is a blank before the
// string and an ordinary character inside it, because libsinsp skips blanks first.
fragment BARE_SHAPE
  : ~[()"' \t\n\u000B\u000C\r=,\u0008] ~[()"' \t\n\u000B\u000C\r=,]*
  ;

// A field argument written without quotes: anything but brackets, quotes and spaces.
fragment ARG_SHAPE : ~[[\]"' \t\n\u000B\u000C\r]+ ;

// ---------------------------------------------------------------------------------------------
// Where an operand may start: `not`, `(`, a field, a transformer or a macro name.
// ---------------------------------------------------------------------------------------------

OPERAND_BLANK : BLANK+ -> skip ;

NOT : 'not' SPACE+ ;

NOT_LPAREN : 'not(' -> mode(AFTER_CHECK), pushMode(DEFAULT_MODE) ;

LPAREN : '(' -> mode(AFTER_CHECK), pushMode(DEFAULT_MODE) ;

FIELD : FIELD_SHAPE -> mode(OPERATOR) ;

FIELD_LBRACKET : FIELD_SHAPE '[' -> mode(OPERATOR), pushMode(FIELD_ARG) ;

TRANSFORMER : TRANSFORMER_NAME '(' -> mode(OPERATOR), pushMode(TRANSFORMER_ARGS) ;

IDENT : IDENT_SHAPE -> mode(AFTER_CHECK) ;

OPERAND_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// After a complete operand: `and`, `or`, a `)` closing a group, or the end.
// ---------------------------------------------------------------------------------------------

mode AFTER_CHECK;

AFTER_CHECK_BLANK : BLANK+ -> skip ;

AND : 'and' { blankFollows() }? -> mode(DEFAULT_MODE) ;

AND_LPAREN : 'and(' -> pushMode(DEFAULT_MODE) ;

AND_WITHOUT_BLANK : 'and' ;

OR : 'or' { blankFollows() }? -> mode(DEFAULT_MODE) ;

OR_LPAREN : 'or(' -> pushMode(DEFAULT_MODE) ;

OR_WITHOUT_BLANK : 'or' ;

RPAREN : ')' { insideGroup() }? -> popMode ;

AFTER_CHECK_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// After a field or transformer on the left: the operator. Word operators need a blank after
// them; symbols, `exists` and the list operators do not.
// ---------------------------------------------------------------------------------------------

mode OPERATOR;

OPERATOR_BLANK : BLANK+ -> skip ;

EXISTS : 'exists' -> mode(AFTER_CHECK) ;

LE : '<=' -> mode(NUM_VALUE) ;

LT : '<' -> mode(NUM_VALUE) ;

GE : '>=' -> mode(NUM_VALUE) ;

GT : '>' -> mode(NUM_VALUE) ;

EQEQ : '==' -> mode(STR_VALUE) ;

EQ : '=' -> mode(STR_VALUE) ;

NE : '!=' -> mode(STR_VALUE) ;

GLOB : 'glob' { blankFollows() }? -> mode(STR_VALUE) ;

IGLOB : 'iglob' { blankFollows() }? -> mode(STR_VALUE) ;

CONTAINS : 'contains' { blankFollows() }? -> mode(STR_VALUE) ;

ICONTAINS : 'icontains' { blankFollows() }? -> mode(STR_VALUE) ;

BCONTAINS : 'bcontains' { blankFollows() }? -> mode(STR_VALUE) ;

STARTSWITH : 'startswith' { blankFollows() }? -> mode(STR_VALUE) ;

BSTARTSWITH : 'bstartswith' { blankFollows() }? -> mode(STR_VALUE) ;

ENDSWITH : 'endswith' { blankFollows() }? -> mode(STR_VALUE) ;

REGEX : 'regex' { blankFollows() }? -> mode(STR_VALUE) ;

INTERSECTS : 'intersects' -> mode(LIST_VALUE) ;

IN : 'in' -> mode(LIST_VALUE) ;

PMATCH : 'pmatch' -> mode(LIST_VALUE) ;

OPERATOR_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// After a numeric operator: a number, `val(` or a transformer.
// ---------------------------------------------------------------------------------------------

mode NUM_VALUE;

NUM_VALUE_BLANK : BLANK+ -> skip ;

VAL : 'val(' -> mode(AFTER_CHECK), pushMode(VAL_FIELD) ;

NUM_VALUE_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(AFTER_CHECK), pushMode(TRANSFORMER_ARGS)
  ;

NUM_VALUE_NUMBER : NUMBER_SHAPE -> type(NUMBER), mode(AFTER_CHECK) ;

NUM_VALUE_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// After a string operator: a modifier with its list, `val(`, a transformer, or a string.
// ---------------------------------------------------------------------------------------------

mode STR_VALUE;

STR_VALUE_BLANK : BLANK+ -> skip ;

MODIFIER : ( 'oneof' | 'anyof' | 'allof' ) { modifierApplies() }? -> mode(MODIFIER_LIST) ;

STR_VALUE_VAL : 'val(' -> type(VAL), mode(AFTER_CHECK), pushMode(VAL_FIELD) ;

STR_VALUE_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(AFTER_CHECK), pushMode(TRANSFORMER_ARGS)
  ;

STR_VALUE_QUOTED : QUOTED_SHAPE -> type(QUOTED), mode(AFTER_CHECK) ;

BARE : BARE_SHAPE -> mode(AFTER_CHECK) ;

STR_VALUE_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// After a modifier: a list literal or a list name.
// ---------------------------------------------------------------------------------------------

mode MODIFIER_LIST;

MODIFIER_LIST_BLANK : BLANK+ -> skip ;

MODIFIER_LIST_OPEN : '(' -> type(LIST_OPEN), mode(AFTER_CHECK), pushMode(LIST_FIRST) ;

MODIFIER_LIST_IDENT : IDENT_SHAPE -> type(IDENT), mode(AFTER_CHECK) ;

MODIFIER_LIST_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// After a list operator: a list literal, `val(`, a transformer or a list name.
// ---------------------------------------------------------------------------------------------

mode LIST_VALUE;

LIST_VALUE_BLANK : BLANK+ -> skip ;

LIST_VALUE_OPEN : '(' -> type(LIST_OPEN), mode(AFTER_CHECK), pushMode(LIST_FIRST) ;

LIST_VALUE_VAL : 'val(' -> type(VAL), mode(AFTER_CHECK), pushMode(VAL_FIELD) ;

LIST_VALUE_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(AFTER_CHECK), pushMode(TRANSFORMER_ARGS)
  ;

LIST_VALUE_IDENT : IDENT_SHAPE -> type(IDENT), mode(AFTER_CHECK) ;

LIST_VALUE_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// Inside a list literal: strings separated by commas. The first item may be missing (empty
// list); a later one may not.
// ---------------------------------------------------------------------------------------------

mode LIST_FIRST;

LIST_FIRST_BLANK : BLANK+ -> skip ;

LIST_FIRST_CLOSE : ')' -> type(LIST_CLOSE), popMode ;

// libsinsp reads the first item inside a try block: a string with a bad escape is dropped
// and the list must then close.
LIST_FIRST_QUOTED : QUOTED_SHAPE { firstListItemQuoted(LIST_NEXT, LIST_CLOSE_ONLY); } ;

LIST_FIRST_BARE : BARE_SHAPE -> type(BARE), mode(LIST_NEXT) ;

LIST_FIRST_ERROR : . -> type(ERROR) ;

mode LIST_NEXT;

LIST_NEXT_BLANK : BLANK+ -> skip ;

LIST_NEXT_COMMA : ',' -> type(COMMA), mode(LIST_ITEM) ;

LIST_NEXT_CLOSE : ')' -> type(LIST_CLOSE), popMode ;

LIST_NEXT_ERROR : . -> type(ERROR) ;

mode LIST_ITEM;

LIST_ITEM_BLANK : BLANK+ -> skip ;

LIST_ITEM_QUOTED : QUOTED_SHAPE -> type(QUOTED), mode(LIST_NEXT) ;

LIST_ITEM_BARE : BARE_SHAPE -> type(BARE), mode(LIST_NEXT) ;

LIST_ITEM_ERROR : . -> type(ERROR) ;

mode LIST_CLOSE_ONLY;

LIST_CLOSE_ONLY_BLANK : BLANK+ -> skip ;

LIST_CLOSE_ONLY_CLOSE : ')' -> type(LIST_CLOSE), popMode ;

LIST_CLOSE_ONLY_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// Inside `val(`: exactly one field, then `)` and an optional argument.
// ---------------------------------------------------------------------------------------------

mode VAL_FIELD;

VAL_FIELD_BLANK : BLANK+ -> skip ;

VAL_FIELD_FIELD : FIELD_SHAPE -> type(FIELD), mode(VAL_CLOSE) ;

VAL_FIELD_FIELD_LBRACKET
  : FIELD_SHAPE '[' -> type(FIELD_LBRACKET), mode(VAL_CLOSE), pushMode(FIELD_ARG)
  ;

VAL_FIELD_ERROR : . -> type(ERROR) ;

mode VAL_CLOSE;

VAL_CLOSE_BLANK : BLANK+ -> skip ;

VAL_CLOSE_RPAREN : ')' -> type(T_RPAREN), popMode ;

VAL_CLOSE_RPAREN_LBRACKET : ')[' -> type(T_RPAREN_LBRACKET), popMode, pushMode(FIELD_ARG) ;

VAL_CLOSE_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// Inside a transformer: arguments separated by commas, then `)` and an optional argument.
// ---------------------------------------------------------------------------------------------

mode TRANSFORMER_ARGS;

TRANSFORMER_ARGS_BLANK : BLANK+ -> skip ;

TRANSFORMER_ARGS_NUMBER : NUMBER_SHAPE -> type(NUMBER), mode(TRANSFORMER_NEXT) ;

TRANSFORMER_ARGS_QUOTED : QUOTED_SHAPE -> type(QUOTED), mode(TRANSFORMER_NEXT) ;

TRANSFORMER_ARGS_LIST
  : '(' -> type(TLIST_OPEN), mode(TRANSFORMER_NEXT), pushMode(TLIST_FIRST)
  ;

TRANSFORMER_ARGS_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(TRANSFORMER_NEXT), pushMode(TRANSFORMER_ARGS)
  ;

TRANSFORMER_ARGS_FIELD : FIELD_SHAPE -> type(FIELD), mode(TRANSFORMER_NEXT) ;

TRANSFORMER_ARGS_FIELD_LBRACKET
  : FIELD_SHAPE '[' -> type(FIELD_LBRACKET), mode(TRANSFORMER_NEXT), pushMode(FIELD_ARG)
  ;

TRANSFORMER_ARGS_ERROR : . -> type(ERROR) ;

mode TRANSFORMER_NEXT;

TRANSFORMER_NEXT_BLANK : BLANK+ -> skip ;

TRANSFORMER_NEXT_COMMA : ',' -> type(COMMA), mode(TRANSFORMER_ARGS) ;

TRANSFORMER_NEXT_RPAREN : ')' -> type(T_RPAREN), popMode ;

TRANSFORMER_NEXT_RPAREN_LBRACKET
  : ')[' -> type(T_RPAREN_LBRACKET), popMode, pushMode(FIELD_ARG)
  ;

TRANSFORMER_NEXT_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// A transformer list, such as the second argument of join: fields, transformers, quoted
// strings and numbers.
// ---------------------------------------------------------------------------------------------

mode TLIST_FIRST;

TLIST_FIRST_BLANK : BLANK+ -> skip ;

TLIST_FIRST_CLOSE : ')' -> type(TLIST_CLOSE), popMode ;

TLIST_FIRST_FIELD : FIELD_SHAPE -> type(FIELD), mode(TLIST_NEXT) ;

TLIST_FIRST_FIELD_LBRACKET
  : FIELD_SHAPE '[' -> type(FIELD_LBRACKET), mode(TLIST_NEXT), pushMode(FIELD_ARG)
  ;

TLIST_FIRST_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(TLIST_NEXT), pushMode(TRANSFORMER_ARGS)
  ;

TLIST_FIRST_QUOTED : QUOTED_SHAPE -> type(QUOTED), mode(TLIST_NEXT) ;

TLIST_FIRST_NUMBER : NUMBER_SHAPE -> type(NUMBER), mode(TLIST_NEXT) ;

TLIST_FIRST_ERROR : . -> type(ERROR) ;

mode TLIST_NEXT;

TLIST_NEXT_BLANK : BLANK+ -> skip ;

TLIST_NEXT_COMMA : ',' -> type(COMMA), mode(TLIST_ITEM) ;

TLIST_NEXT_CLOSE : ')' -> type(TLIST_CLOSE), popMode ;

TLIST_NEXT_ERROR : . -> type(ERROR) ;

mode TLIST_ITEM;

TLIST_ITEM_BLANK : BLANK+ -> skip ;

TLIST_ITEM_FIELD : FIELD_SHAPE -> type(FIELD), mode(TLIST_NEXT) ;

TLIST_ITEM_FIELD_LBRACKET
  : FIELD_SHAPE '[' -> type(FIELD_LBRACKET), mode(TLIST_NEXT), pushMode(FIELD_ARG)
  ;

TLIST_ITEM_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(TLIST_NEXT), pushMode(TRANSFORMER_ARGS)
  ;

TLIST_ITEM_QUOTED : QUOTED_SHAPE -> type(QUOTED), mode(TLIST_NEXT) ;

TLIST_ITEM_NUMBER : NUMBER_SHAPE -> type(NUMBER), mode(TLIST_NEXT) ;

TLIST_ITEM_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// A field argument, right after `[` (no blanks anywhere): a quoted or bare string, then `]`.
// ---------------------------------------------------------------------------------------------

mode FIELD_ARG;

FIELD_ARG_QUOTED : QUOTED_SHAPE -> type(QUOTED), mode(FIELD_ARG_END) ;

ARG : ARG_SHAPE -> mode(FIELD_ARG_END) ;

FIELD_ARG_ERROR : . -> type(ERROR) ;

mode FIELD_ARG_END;

RBRACKET : ']' -> popMode ;

FIELD_ARG_END_ERROR : . -> type(ERROR) ;

// ---------------------------------------------------------------------------------------------
// Entry mode of a lone field expression (an output format token such as %proc.aname[2]):
// a field or a transformer, at once, with nothing before it. The lexer stops after it.
// ---------------------------------------------------------------------------------------------

mode FIELD_EXPRESSION;

FIELD_EXPRESSION_FIELD : FIELD_SHAPE -> type(FIELD), mode(DONE) ;

FIELD_EXPRESSION_FIELD_LBRACKET
  : FIELD_SHAPE '[' -> type(FIELD_LBRACKET), mode(DONE), pushMode(FIELD_ARG)
  ;

FIELD_EXPRESSION_TRANSFORMER
  : TRANSFORMER_NAME '(' -> type(TRANSFORMER), mode(DONE), pushMode(TRANSFORMER_ARGS)
  ;

FIELD_EXPRESSION_ERROR : . -> type(ERROR) ;

// Reached after a complete field expression; the lexer base class ends the input here.
mode DONE;

DONE_ANY : . -> type(ERROR) ;
