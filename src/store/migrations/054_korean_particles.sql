-- Korean in the library's search. The `english` configuration keeps a Hangul
-- word whole with its particle: 러시아에 ("in Russia") and 러시아로 ("to
-- Russia") are words of their own, so a search for 러시아 found neither; and
-- a Latin word with a particle (DPRK의, UN에서) was lost the same way. PGlite
-- has no Korean dictionary (and no extension such as textsearch_ko), so the
-- particle is stripped here, in SQL that runs on PGlite and PostgreSQL alike:
--
-- room39_tsvector(text): the `english` vector, plus, at the same positions,
--   each Hangul word less its particles (room39_ko_stem) and each Latin word
--   less the particles after it; a text without Hangul keeps its vector as
--   before, byte for byte.
-- room39_tsquery(text): websearch_to_tsquery('english') of the query with its
--   Hangul words stemmed the same way (and particles after a Latin word
--   dropped), so 러시아, 러시아에서 and 러시아로 are one word on both sides.
-- room39_ko_forms(text): the forms a query's Hangul words take with a
--   particle, for ts_headline to mark them in a passage.
--
-- The particles are those of src/names/korean-particles.ts (a test keeps the
-- two lists equal), and so are the rules: only a word wholly in Hangul, at
-- least two syllables left (국가, 인도, 회의 stay whole), at most three layers
-- (노동자들이 → 노동자), the longest particle that leaves two syllables first. Documents holding Hangul
-- are indexed again below.

CREATE FUNCTION room39_ko_particles() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['이', '가', '을', '를', '은', '는', '의', '에', '에서', '에게', '에게서', '께', '께서', '한테', '한테서',
    '로', '으로', '로서', '으로서', '로써', '으로써', '와', '과', '하고', '이랑', '도', '만', '까지', '부터',
    '조차', '마저', '밖에', '처럼', '보다', '마다', '이나', '에도', '에는', '에서는', '에서도', '에게는', '으로는',
    '로는', '으로도', '로도', '과는', '와는', '까지는', '부터는', '만은', '이다', '이며', '이고', '이라는', '라는',
    '이라고', '라고', '이었다', '였다', '입니다', '이었던', '였던', '들']::text[]
$$;

-- A word wholly in Hangul less the longest particle that leaves at least two syllables (particles are at most three).
-- Inlined where it is called on a column; no regular expression: a document has tens of thousands of words.
CREATE FUNCTION room39_ko_strip(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN char_length(word) >= 5 AND right(word, 3) = ANY (room39_ko_particles()) THEN left(word, -3)
    WHEN char_length(word) >= 4 AND right(word, 2) = ANY (room39_ko_particles()) THEN left(word, -2)
    WHEN char_length(word) >= 3 AND right(word, 1) = ANY (room39_ko_particles()) THEN left(word, -1)
    ELSE word END
$$;

-- The word less every particle (at most three layers); a word not wholly in Hangul as it is.
CREATE FUNCTION room39_ko_stem(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN word ~ '^[가-힣]+$' THEN room39_ko_strip(room39_ko_strip(room39_ko_strip(word))) ELSE word END
$$;

-- A run of Hangul that is only particles (what follows a Latin word: DPRK의, UN에서).
CREATE FUNCTION room39_ko_only_particles(run text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT run ~ ('^(?:' || array_to_string(room39_ko_particles(), '|') || ')+$')
$$;

-- The english vector and, at the same positions, each Hangul word less its particles and each Latin word less the
-- particles after it (a tsvector's input merges a lexeme given twice, sorting its positions and keeping 256); a text
-- whose lexemes would pass PostgreSQL's limit of 1 MB of them (counted as given) keeps its english vector. OFFSET 0
-- keeps each layer of stripping a column of its own, so that room39_ko_strip is inlined at each, and the next layers
-- look only at words the first stripped.
CREATE FUNCTION room39_tsvector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN body !~ '[가-힣]' THEN x.v ELSE coalesce((
    SELECT CASE WHEN sum(octet_length(w.lexeme)) < 1000000 THEN
             string_agg('''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || ''':' || array_to_string(w.positions, ','), ' ')::tsvector END
      FROM (SELECT u.lexeme, u.positions FROM unnest(x.v) u
            UNION ALL
            SELECT s3.s, u.positions FROM unnest(x.v) u
             CROSS JOIN LATERAL (SELECT room39_ko_strip(u.lexeme) AS s OFFSET 0) s1
             CROSS JOIN LATERAL (SELECT room39_ko_strip(s1.s) AS s OFFSET 0) s2
             CROSS JOIN LATERAL (SELECT room39_ko_strip(s2.s) AS s OFFSET 0) s3
             WHERE u.lexeme ~ '^[가-힣]{3,}$' AND s1.s <> u.lexeme
            UNION ALL
            SELECT (ts_lexize('english_stem', substring(u.lexeme FROM '^[^가-힣]+')))[1], u.positions FROM unnest(x.v) u
             WHERE u.lexeme ~ '^[^가-힣]+[가-힣]+$' AND room39_ko_only_particles(substring(u.lexeme FROM '[가-힣]+$'))) w
     WHERE w.lexeme IS NOT NULL AND w.lexeme <> ''), x.v) END
    FROM (SELECT to_tsvector('english', body) AS v) x
$$;

CREATE FUNCTION room39_tsquery(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT websearch_to_tsquery('english', coalesce((
    SELECT string_agg(CASE WHEN r.t !~ '^[가-힣]' THEN r.t WHEN r.prev ~ '[A-Za-z0-9]$' AND room39_ko_only_particles(r.t) THEN '' ELSE room39_ko_stem(r.t) END, '' ORDER BY r.n)
      FROM (SELECT m.t[1] AS t, m.n, lag(m.t[1]) OVER (ORDER BY m.n) AS prev FROM regexp_matches(query, '[가-힣]+|[^가-힣]+', 'g') WITH ORDINALITY AS m(t, n)) r), ''))
$$;

CREATE FUNCTION room39_ko_forms(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT string_agg('''' || f.form || '''', ' | ')::tsquery FROM (
    SELECT DISTINCT b.base || s.suffix AS form
      FROM (SELECT DISTINCT unnest(ARRAY[m.t[1], room39_ko_stem(m.t[1])]) AS base FROM regexp_matches(query, '[가-힣]+', 'g') AS m(t)) b
     CROSS JOIN (SELECT '' AS suffix UNION ALL SELECT unnest(room39_ko_particles()) UNION ALL SELECT '들' || unnest(room39_ko_particles())) s) f
$$;

UPDATE documents d SET tsv = room39_tsvector(coalesce(s.title, '') || ' ' || left(coalesce(s.body, ''), 300000))
  FROM sources s WHERE s.id = d.source_id AND (s.title ~ '[가-힣]' OR left(coalesce(s.body, ''), 300000) ~ '[가-힣]');

UPDATE document_passages SET tsv = room39_tsvector(body) WHERE body ~ '[가-힣]';
