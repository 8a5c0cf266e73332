-- Korean in the library's search, continued. Korean writes a compound as one
-- word: 만수대해외개발회사 ("Mansudae Overseas Development Company") is one
-- lexeme, so a search for 만수대 found no document that wrote only the
-- compound. A query's Hangul word of three syllables or more (after its
-- particles are stripped, migration 054) now matches any word it begins:
-- 만수대 finds 만수대해외개발회사는, 벌목장 finds 벌목장들. Shorter words
-- stay whole, since two syllables begin too many other words (인도 "India"
-- begins 인도네시아 "Indonesia" and 인도주의 "humanitarianism"). A word that
-- ends a compound (해외개발회사 alone) is still not found: that needs the
-- compound split, which no dictionary here does.

CREATE OR REPLACE FUNCTION room39_tsquery(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(websearch_to_tsquery('english', coalesce((
    SELECT string_agg(CASE WHEN r.t !~ '^[가-힣]' THEN r.t WHEN r.prev ~ '[A-Za-z0-9]$' AND room39_ko_only_particles(r.t) THEN '' ELSE room39_ko_stem(r.t) END, '' ORDER BY r.n)
      FROM (SELECT m.t[1] AS t, m.n, lag(m.t[1]) OVER (ORDER BY m.n) AS prev FROM regexp_matches(query, '[가-힣]+|[^가-힣]+', 'g') WITH ORDINALITY AS m(t, n)) r), ''))::text,
    '''([가-힣]{3,})''', '''\1'':*', 'g')::tsquery
$$;
