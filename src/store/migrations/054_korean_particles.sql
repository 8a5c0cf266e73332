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
-- (노동자들이 → 노동자), the longest particle first. Documents holding Hangul
-- are indexed again below.

CREATE FUNCTION room39_ko_particles() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['이', '가', '을', '를', '은', '는', '의', '에', '에서', '에게', '에게서', '께', '께서', '한테', '한테서',
    '로', '으로', '로서', '으로서', '로써', '으로써', '와', '과', '하고', '이랑', '도', '만', '까지', '부터',
    '조차', '마저', '밖에', '처럼', '보다', '마다', '이나', '에도', '에는', '에서는', '에서도', '에게는', '으로는',
    '로는', '으로도', '로도', '과는', '와는', '까지는', '부터는', '만은', '이다', '이며', '이고', '이라는', '라는',
    '이라고', '라고', '이었다', '였다', '입니다', '이었던', '였던', '들']::text[]
$$;

CREATE FUNCTION room39_ko_strip(word text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN word ~ '^[가-힣]+$' AND char_length(x.stem) >= 2 THEN x.stem ELSE word END
    FROM (SELECT regexp_replace(word, '(?:' || array_to_string(room39_ko_particles(), '|') || ')$', '') AS stem) x
$$;

CREATE FUNCTION room39_ko_stem(word text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT room39_ko_strip(room39_ko_strip(room39_ko_strip(word)))
$$;

-- A run of Hangul that is only particles (what follows a Latin word: DPRK의, UN에서).
CREATE FUNCTION room39_ko_only_particles(run text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT run ~ ('^(?:' || array_to_string(room39_ko_particles(), '|') || ')+$')
$$;

CREATE FUNCTION room39_tsvector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN body !~ '[가-힣]' THEN x.v ELSE coalesce((
    SELECT string_agg('''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || '''' || coalesce(':' || array_to_string(w.positions, ','), ''), ' ')::tsvector
      FROM (SELECT u.lexeme, u.positions FROM unnest(x.v) u
            UNION ALL
            SELECT room39_ko_stem(u.lexeme), u.positions FROM unnest(x.v) u WHERE u.lexeme ~ '^[가-힣]{3,}$' AND room39_ko_stem(u.lexeme) <> u.lexeme
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
