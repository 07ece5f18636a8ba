/*
 * Brook's SQL grammar: the Timeplus streaming dialect (SPEC 1, 3, 4, 5).
 *
 * The parse tree is turned into the immutable AST of io.brook.engine.sql.ast by the builders in
 * io.brook.engine.sql; nothing outside that package sees ANTLR types.
 *
 * Keywords are case-insensitive; most of them are also valid identifiers (rule `nonReserved`),
 * because Timeplus users name columns `value`, `key`, `type`, `mode`, ... Only words that would
 * make a statement ambiguous are reserved.
 */
grammar Brook;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- entry points

singleStatement  : statement SEMICOLON? EOF ;
singleExpression : expression EOF ;
singleType       : dataType EOF ;

statement
    : query
    | createStreamStatement
    | createExternalStreamStatement
    | createMaterializedViewStatement
    | createFunctionStatement
    | dropStreamStatement
    | dropViewStatement
    | dropFunctionStatement
    | showStatement
    | describeStatement
    | explainStatement
    | useStatement
    | insertStatement
    | systemStatement
    | setStatement
    ;

// ---------------------------------------------------------------- DDL

createStreamStatement
    : CREATE STREAM ifNotExists? qualifiedName
      LPAREN columnDefinition (COMMA columnDefinition)* RPAREN settingsClause?
    ;

createExternalStreamStatement
    : CREATE EXTERNAL STREAM ifNotExists? qualifiedName
      (LPAREN columnDefinition (COMMA columnDefinition)* RPAREN)?
      (AS DOLLAR_BODY)? settingsClause?
    ;

createMaterializedViewStatement
    : CREATE MATERIALIZED VIEW ifNotExists? name=qualifiedName (INTO target=qualifiedName)? AS query
    ;

createFunctionStatement
    : CREATE (OR REPLACE)? AGGREGATE? FUNCTION identifier
      LPAREN (parameterDefinition (COMMA parameterDefinition)*)? RPAREN
      RETURNS dataType LANGUAGE language=identifier AS body=(DOLLAR_BODY | STRING)
    ;

parameterDefinition : identifier dataType ;

columnDefinition
    : identifier dataType (DEFAULT expression)? (COMMENT STRING)?
    ;

dropStreamStatement   : DROP STREAM ifExists? qualifiedName ;
dropViewStatement     : DROP MATERIALIZED? VIEW ifExists? qualifiedName ;
dropFunctionStatement : DROP FUNCTION ifExists? identifier ;

ifNotExists : IF NOT EXISTS ;
ifExists    : IF EXISTS ;

showStatement
    : SHOW STREAMS                  # showStreams
    | SHOW DATABASES                # showDatabases
    | SHOW FUNCTIONS                # showFunctions
    | SHOW MATERIALIZED VIEWS       # showMaterializedViews
    ;

describeStatement : (DESCRIBE | DESC) STREAM? qualifiedName ;
explainStatement  : EXPLAIN statement ;
useStatement      : USE identifier ;

systemStatement
    : SYSTEM action=(PAUSE | RESUME | UNPAUSE) MATERIALIZED VIEW qualifiedName
    ;

setStatement : SET setting ;

// ---------------------------------------------------------------- DML

insertStatement
    : INSERT INTO qualifiedName (LPAREN identifier (COMMA identifier)* RPAREN)? leading=settingsClause?
      ( VALUES valuesRow (COMMA? valuesRow)* trailing=settingsClause?
      | query
      )
    ;

valuesRow : LPAREN expression (COMMA expression)* RPAREN ;

// ---------------------------------------------------------------- queries

query
    : SELECT DISTINCT? selectItem (COMMA selectItem)*
      (FROM relation)?
      (WHERE where=expression)?
      (GROUP BY groupingKeys+=expression (COMMA groupingKeys+=expression)*)?
      (HAVING having=expression)?
      // Timeplus documents EMIT after LIMIT; ClickHouse habit puts it before ORDER BY. Both are
      // accepted, the builder rejects a query that has two.
      early=emitClause?
      (ORDER BY orderItem (COMMA orderItem)*)?
      limitClause?
      late=emitClause?
      settingsClause?
    ;

selectItem
    : ASTERISK exceptColumns?                                 # allColumns
    | identifier DOT ASTERISK exceptColumns?                  # qualifiedAllColumns
    | expression alias?                                       # selectExpression
    ;

exceptColumns
    : EXCEPT (LPAREN identifier (COMMA identifier)* RPAREN | identifier)
    ;

alias
    : AS identifier
    | implicitAlias
    ;

// An alias written without AS; clause keywords that may follow a select item or a relation
// cannot be one, or `FROM s SETTINGS ...` would read SETTINGS as the alias of s.
implicitAlias
    : IDENTIFIER | BACKQUOTED_IDENTIFIER | DOUBLEQUOTED_IDENTIFIER | nonReserved
    ;

relation
    : left=relation joinType JOIN right=relationPrimary joinCriteria?   # joinRelation
    | relationPrimary                                                    # primaryRelation
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    | CROSS
    ;

joinCriteria
    : ON expression
    | USING LPAREN identifier (COMMA identifier)* RPAREN
    ;

relationPrimary
    : tableFunction alias?                     # tableFunctionRelation
    | qualifiedName alias?                     # namedRelation
    | LPAREN query RPAREN alias?               # subqueryRelation
    ;

// `tumble(s, 5s)`, `table(s)`, `hop(table(s), ts, 1s, 5s)`: the first argument may be a relation.
// When it reads both as a relation and as an expression, the relation wins (first alternative).
tableFunction
    : identifier LPAREN tableFunctionArguments? RPAREN
    ;

tableFunctionArguments
    : tableFunctionInput (COMMA expression)*
    | expression (COMMA expression)*
    ;

tableFunctionInput
    : tableFunction
    | qualifiedName
    | LPAREN query RPAREN
    ;

orderItem
    : expression direction=(ASC | DESC)? (NULLS nulls=(FIRST | LAST))?
    ;

limitClause
    : LIMIT limit=INTEGER (OFFSET offset=INTEGER)?            # limitOffset
    | LIMIT offset=INTEGER COMMA limit=INTEGER                # limitWithLeadingOffset
    | OFFSET offset=INTEGER (LIMIT limit=INTEGER)?            # offsetLimit
    ;

emitClause
    : EMIT emitPolicy ((COMMA | AND)? emitPolicy)*
    ;

emitPolicy
    : STREAM                                                               # emitStream
    | CHANGELOG                                                            # emitChangelog
    | PERIODIC interval REPEAT? (WITH DELAY delay=interval)?               # emitPeriodic
    | ON UPDATE                                                            # emitOnUpdate
    | AFTER (WINDOW CLOSE | WATERMARK) ((WITH | AND) DELAY delay=interval)? # emitAfterWindowClose
    | TIMEOUT interval                                                     # emitTimeout
    ;

interval
    : DURATION
    | INTERVAL intervalBody
    ;

settingsClause : SETTINGS setting (COMMA setting)* ;

setting : identifier EQ settingValue ;

settingValue
    : literal
    | MINUS number
    | identifier
    ;

// ---------------------------------------------------------------- expressions

expression : booleanExpression ;

booleanExpression
    : valueExpression predicate?                                   # predicated
    | NOT booleanExpression                                        # logicalNot
    | left=booleanExpression AND right=booleanExpression           # logicalAnd
    | left=booleanExpression OR right=booleanExpression            # logicalOr
    ;

predicate
    : comparisonOperator right=valueExpression                          # comparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression      # between
    | NOT? IN LPAREN query RPAREN                                       # inSubquery
    | NOT? IN LPAREN expression (COMMA expression)* RPAREN              # inList
    | NOT? operator=(LIKE | ILIKE) pattern=valueExpression              # like
    | IS NOT? NULL                                                      # nullPredicate
    ;

comparisonOperator : EQ | NEQ | LT | LTE | GT | GTE ;

// Alternatives listed first bind tighter.
valueExpression
    : primaryExpression                                                                  # primary
    | valueExpression LBRACKET index=expression RBRACKET                                 # subscript
    | valueExpression DOUBLE_COLON dataType                                              # castOperator
    | operator=(MINUS | PLUS) valueExpression                                            # unaryArithmetic
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression   # multiplicative
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression                 # additive
    | left=valueExpression CONCAT right=valueExpression                                  # concatenation
    ;

primaryExpression
    : literal                                                               # literalExpression
    | DURATION                                                              # durationLiteral
    | INTERVAL intervalBody                                                 # intervalLiteral
    | QUESTION                                                              # parameter
    | CAST LPAREN expression AS dataType RPAREN                             # cast
    | CASE operand=expression? whenClause+ (ELSE elseValue=expression)? END # caseExpression
    | functionName LPAREN functionArguments? RPAREN                         # functionCall
    | identifier (DOT identifier)*                                          # columnReference
    | LPAREN query RPAREN                                                   # subquery
    | LPAREN expression (COMMA expression)* RPAREN                          # parenthesized
    | LBRACKET (expression (COMMA expression)*)? RBRACKET                   # arrayConstructor
    ;

intervalBody
    : MINUS? INTEGER unit=identifier
    | STRING unit=identifier?
    ;

whenClause : WHEN condition=expression THEN result=expression ;

functionName : identifier | LEFT | RIGHT | CAST ;

functionArguments
    : ASTERISK
    | DISTINCT? functionArgument (COMMA functionArgument)*
    ;

functionArgument
    : lambda
    | expression
    ;

lambda
    : identifier ARROW expression
    | LPAREN identifier (COMMA identifier)* RPAREN ARROW expression
    ;

literal
    : NULL                  # nullLiteral
    | (TRUE | FALSE)        # booleanLiteral
    | number                # numericLiteral
    | STRING                # stringLiteral
    ;

number : INTEGER | DECIMAL ;

// ---------------------------------------------------------------- names and types

qualifiedName : identifier (DOT identifier)? ;

dataType : identifier (LPAREN typeArgument (COMMA typeArgument)* RPAREN)? ;

typeArgument
    : INTEGER                 # integerTypeArgument
    | STRING                  # stringTypeArgument
    | identifier dataType     # namedTypeArgument
    | dataType                # nestedTypeArgument
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | DOUBLEQUOTED_IDENTIFIER
    | nonReserved
    | clauseKeyword
    ;

// Usable as names, but not as an alias written without AS (they start a clause).
clauseKeyword
    : EMIT | EXCEPT | OFFSET | SETTINGS | WINDOW
    ;

nonReserved
    : AFTER | AGGREGATE | ASC | CHANGELOG | CLOSE | COMMENT | CREATE | DATABASES | DEFAULT
    | DELAY | DESC | DESCRIBE | DROP | EXISTS | EXPLAIN | EXTERNAL | FIRST | FUNCTION
    | FUNCTIONS | IF | INSERT | INTO | LANGUAGE | LAST | MATERIALIZED | NULLS | PAUSE
    | PERIODIC | REPEAT | REPLACE | RESUME | RETURNS | SET | SHOW | STREAM | STREAMS | SYSTEM
    | TIMEOUT | UNPAUSE | UPDATE | USE | VALUES | VIEW | VIEWS | WATERMARK | WITH
    ;

// ================================================================ lexer

// reserved
AND      : 'AND' ;
AS       : 'AS' ;
BETWEEN  : 'BETWEEN' ;
BY       : 'BY' ;
CASE     : 'CASE' ;
CAST     : 'CAST' ;
CROSS    : 'CROSS' ;
DISTINCT : 'DISTINCT' ;
ELSE     : 'ELSE' ;
END      : 'END' ;
FALSE    : 'FALSE' ;
FROM     : 'FROM' ;
FULL     : 'FULL' ;
GROUP    : 'GROUP' ;
HAVING   : 'HAVING' ;
ILIKE    : 'ILIKE' ;
IN       : 'IN' ;
INNER    : 'INNER' ;
INTERVAL : 'INTERVAL' ;
IS       : 'IS' ;
JOIN     : 'JOIN' ;
LEFT     : 'LEFT' ;
LIKE     : 'LIKE' ;
LIMIT    : 'LIMIT' ;
NOT      : 'NOT' ;
NULL     : 'NULL' ;
ON       : 'ON' ;
OR       : 'OR' ;
ORDER    : 'ORDER' ;
OUTER    : 'OUTER' ;
RIGHT    : 'RIGHT' ;
SELECT   : 'SELECT' ;
THEN     : 'THEN' ;
TRUE     : 'TRUE' ;
UNION    : 'UNION' ;
USING    : 'USING' ;
WHEN     : 'WHEN' ;
WHERE    : 'WHERE' ;

// clause keywords (names, but not implicit aliases)
EMIT     : 'EMIT' ;
EXCEPT   : 'EXCEPT' ;
OFFSET   : 'OFFSET' ;
SETTINGS : 'SETTINGS' ;
WINDOW   : 'WINDOW' ;

// non-reserved
AFTER        : 'AFTER' ;
AGGREGATE    : 'AGGREGATE' ;
ASC          : 'ASC' ;
CHANGELOG    : 'CHANGELOG' ;
CLOSE        : 'CLOSE' ;
COMMENT      : 'COMMENT' ;
CREATE       : 'CREATE' ;
DATABASES    : 'DATABASES' ;
DEFAULT      : 'DEFAULT' ;
DELAY        : 'DELAY' ;
DESC         : 'DESC' ;
DESCRIBE     : 'DESCRIBE' ;
DROP         : 'DROP' ;
EXISTS       : 'EXISTS' ;
EXPLAIN      : 'EXPLAIN' ;
EXTERNAL     : 'EXTERNAL' ;
FIRST        : 'FIRST' ;
FUNCTION     : 'FUNCTION' ;
FUNCTIONS    : 'FUNCTIONS' ;
IF           : 'IF' ;
INSERT       : 'INSERT' ;
INTO         : 'INTO' ;
LANGUAGE     : 'LANGUAGE' ;
LAST         : 'LAST' ;
MATERIALIZED : 'MATERIALIZED' ;
NULLS        : 'NULLS' ;
PAUSE        : 'PAUSE' ;
PERIODIC     : 'PERIODIC' ;
REPEAT       : 'REPEAT' ;
REPLACE      : 'REPLACE' ;
RESUME       : 'RESUME' ;
RETURNS      : 'RETURNS' ;
SET          : 'SET' ;
SHOW         : 'SHOW' ;
STREAM       : 'STREAM' ;
STREAMS      : 'STREAMS' ;
SYSTEM       : 'SYSTEM' ;
TIMEOUT      : 'TIMEOUT' ;
UNPAUSE      : 'UNPAUSE' ;
UPDATE       : 'UPDATE' ;
USE          : 'USE' ;
VALUES       : 'VALUES' ;
VIEW         : 'VIEW' ;
VIEWS        : 'VIEWS' ;
WATERMARK    : 'WATERMARK' ;
WITH         : 'WITH' ;

// punctuation and operators
EQ           : '=' | '==' ;
NEQ          : '!=' | '<>' ;
LTE          : '<=' ;
LT           : '<' ;
GTE          : '>=' ;
GT           : '>' ;
PLUS         : '+' ;
MINUS        : '-' ;
ASTERISK     : '*' ;
SLASH        : '/' ;
PERCENT      : '%' ;
CONCAT       : '||' ;
DOUBLE_COLON : '::' ;
ARROW        : '->' ;
COMMA        : ',' ;
DOT          : '.' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
LBRACKET     : '[' ;
RBRACKET     : ']' ;
SEMICOLON    : ';' ;
QUESTION     : '?' ;

// literals

// Timeplus interval shorthand: a whole number glued to a unit, e.g. 5s, 100ms, 2d.
DURATION : DIGIT+ ('NS' | 'US' | 'MS' | 'S' | 'M' | 'H' | 'D' | 'W') ;

INTEGER  : DIGIT+ ;

DECIMAL
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

STRING : '\'' ( ~['\\] | '\\' . | '\'\'' )* '\'' ;

// The text of a Python (or other) body: everything between the two $$, kept verbatim.
DOLLAR_BODY : '$$' .*? '$$' ;

IDENTIFIER : [a-z_\p{L}] [a-z_0-9\p{L}\p{N}]* ;

BACKQUOTED_IDENTIFIER   : '`' ( ~[`\\] | '\\' . | '``' )* '`' ;
DOUBLEQUOTED_IDENTIFIER : '"' ( ~["\\] | '\\' . | '""' )* '"' ;

LINE_COMMENT  : '--' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WHITESPACE    : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Tokens no parser rule accepts. They exist so that an unclosed quote or comment becomes one
// token at its opening position, which the error listener names precisely.
UNTERMINATED_STRING     : '\'' ( ~['\\] | '\\' . | '\'\'' )* ;
UNTERMINATED_IDENTIFIER : '`' ( ~[`\\] | '\\' . | '``' )* | '"' ( ~["\\] | '\\' . | '""' )* ;
UNTERMINATED_BODY       : '$$' ;
UNTERMINATED_COMMENT    : '/*' ;
UNRECOGNIZED            : . ;

fragment DIGIT    : [0-9] ;
fragment EXPONENT : 'E' [+-]? DIGIT+ ;
