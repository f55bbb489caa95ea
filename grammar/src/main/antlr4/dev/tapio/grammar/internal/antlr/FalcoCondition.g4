// The Falco condition language, following the EBNF of libsinsp's filter parser (parser.h).
//
// Precedence, lowest first: or < and < not < check. `and` and `or` are n-ary, a run of
// `not` toggles. The lexer (FalcoConditionLexer) only produces tokens that fit where they
// stand, so the rules here read like the libsinsp productions they mirror.
//
// libsinsp guards its recursion with a depth counter bumped on entry to each parsing function;
// `enter(n)` ... `leave(n)` in a rule stands for the n guarded functions that rule replaces, so
// the same nesting is accepted and the same nesting is refused ("exceeded max depth limit of
// N").
parser grammar FalcoCondition;

options {
  tokenVocab = FalcoConditionLexer;
  superClass = ConditionParserBase;
}

@header {
import dev.tapio.grammar.internal.ConditionParserBase;
}

// A whole condition: Expr ::= OrExpr
condition
  : orExpr EOF
  ;

// A lone field or transformer, such as an output format token.
fieldExpression
  @init { enter(1); }
  @after { leave(1); }
  : ( field | transformer ) EOF
  ;

// OrExpr ::= AndExpr ('or' OrExprTail)*   OrExprTail ::= ' ' AndExpr | '(' Expr ')'
orExpr
  @init { enter(1); }
  @after { leave(1); }
  : andExpr ( OR andExpr | OR_LPAREN embedded )*
  ;

// AndExpr ::= NotExpr ('and' AndExprTail)*   AndExprTail ::= ' ' NotExpr | '(' Expr ')'
andExpr
  @init { enter(1); }
  @after { leave(1); }
  : notExpr ( AND notExpr | AND_LPAREN embedded )*
  ;

// NotExpr ::= ('not ')* NotExprTail   NotExprTail ::= 'not(' Expr ')' | Check
notExpr
  @init { enter(1); }
  @after { leave(1); }
  : NOT* ( NOT_LPAREN embedded | check )
  ;

// The rest of a parenthesized expression, after its '('.
embedded
  @init { enter(1); }
  @after { leave(1); }
  : orExpr RPAREN
  ;

// Check ::= Field Condition | FieldTransformer Condition | Identifier | '(' Expr ')'
check
  @init { enter(1); }
  @after { leave(1); }
  : LPAREN embedded
  | field comparison
  | transformer comparison
  | IDENT
  ;

// Field ::= FieldName ('[' FieldArg ']')?
field
  @init { enter(1); }
  @after { leave(1); }
  : FIELD
  | FIELD_LBRACKET fieldArg
  ;

// FieldArg ::= QuotedStr | FieldArgBareStr, followed by its ']'.
fieldArg
  : ( QUOTED | ARG ) RBRACKET
  ;

// FieldTransformer ::= FieldTransformerType FieldTransformerArg (',' FieldTransformerArg)* ')'
//                      ('[' FieldArg ']')?
transformer
  @init { enter(1); }
  @after { leave(1); }
  : TRANSFORMER transformerArg ( COMMA transformerArg )* transformerEnd
  ;

transformerEnd
  : T_RPAREN
  | T_RPAREN_LBRACKET fieldArg
  ;

// FieldTransformerArg ::= FieldTransformer | Field | QuotedStr | NumValue | TransformerList
transformerArg
  @init { enter(1); }
  @after { leave(1); }
  : NUMBER
  | QUOTED
  | transformerList
  | transformer
  | field
  ;

// TransformerList ::= '(' (TransformerListArg (',' TransformerListArg)*)? ')'
transformerList
  : TLIST_OPEN ( transformerListItem ( COMMA transformerListItem )* )? TLIST_CLOSE
  ;

// TransformerListArg ::= Field | FieldTransformer | QuotedStr | NumValue
transformerListItem
  : field
  | transformer
  | QUOTED
  | NUMBER
  ;

// Condition ::= UnaryOperator
//             | NumOperator (NumValue | FieldTransformerOrVal)
//             | StrOperator (StrValue | FieldTransformerOrVal)
//             | StrOperator StrOperatorModifier ListValue
//             | ListOperator (ListValue | FieldTransformerOrVal)
comparison
  @init { enter(1); }
  @after { leave(1); }
  : EXISTS
  | numOperator numValue
  | strOperator ( MODIFIER modifierList | strValue )
  | listOperator listValue
  ;

numOperator
  : LE | LT | GE | GT
  ;

strOperator
  : EQEQ | EQ | NE | GLOB | IGLOB | CONTAINS | ICONTAINS | BCONTAINS | STARTSWITH
  | BSTARTSWITH | ENDSWITH | REGEX
  ;

listOperator
  : INTERSECTS | IN | PMATCH
  ;

// libsinsp always tries a transformer first, one guarded call deeper: probe(1).
numValue
  @init { enter(1); probe(1); }
  @after { leave(1); }
  : NUMBER
  | transformerOrVal
  ;

strValue
  @init { enter(1); probe(1); }
  @after { leave(1); }
  : QUOTED
  | BARE
  | transformerOrVal
  ;

// ListValue ::= '(' (StrValue (',' StrValue)*)? ')' | Identifier
modifierList
  @init { enter(1); }
  @after { leave(1); }
  : list
  | IDENT
  ;

listValue
  @init { enter(1); probe(1); }
  @after { leave(1); }
  : list
  | transformerOrVal
  | IDENT
  ;

list
  : LIST_OPEN ( listItem ( COMMA listItem )* )? LIST_CLOSE
  ;

listItem
  : QUOTED
  | BARE
  ;

// FieldTransformerOrVal ::= FieldTransformer | 'val(' Field ')' ('[' FieldArg ']')?
transformerOrVal
  @init { enter(1); }
  @after { leave(1); }
  : VAL field transformerEnd
  | transformer
  ;
