"""Personnel changes told in sentences (``山田太郎は4月1日付で代表取締役社長に就任しました``,
``…が退任し、…が就任``, ``…に昇格``), read through GiNZA's dependencies: the post is the title
marked by に, the person the name marked by は/が."""
from __future__ import annotations

import re

from .analyse import Token
from .person_names import PersonMention
from .personnel_doc import SPACES, Entry, Note, PersonnelDoc, Post, back_over, cue, cues, skip_spaces
from .titles import TitleMention

def entries_from_prose(doc: PersonnelDoc, taken: list[tuple[int, int]],
                       notes: tuple[Note, ...] | list[Note] = ()) -> list[Entry]:
    """Sentences with a verb of change (就任, 昇格, 退任 …), read clause by clause. A sentence of a
    note in a person's block without a subject of its own speaks of that person."""
    out: list[Entry] = []
    tokens = doc.ctx.analysis.tokens
    triggers = dict(cues().get("trigger", ()))
    last_date: str | None = None
    for sent in doc.ctx.sentences:
        if any(a <= sent.start < b for a, b in taken) and not doc.text[sent.start:sent.end].lstrip(SPACES).startswith("※") \
                and not any(n.start <= sent.start < n.end for n in notes):
            continue
        toks = [t for t in tokens if sent.start <= t.start and t.end <= sent.end]
        clause_start = sent.start
        for t in toks:
            change = triggers.get(t.lemma) or triggers.get(t.text)
            if change is None or not is_change_predicate(tokens, t):
                continue
            note = next((n for n in notes if n.start <= sent.start < n.end), None)
            found = _prose_entries(doc, (sent.start, sent.end), clause_start, toks, t, change, last_date, note)
            out += found
            last_date = next((x.date for x in reversed(found) if x.date), last_date)
            clause_start = t.end
    return out


def is_change_predicate(tokens: tuple[Token, ...], t: Token) -> bool:
    """就任 as a verb (就任し, 就任する) or a verbal noun closing a phrase (社長就任以来), not 就任式."""
    nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
    return nxt is None or not nxt.tag.startswith("名詞") or nxt.text in ("以来", "後", "予定", "前")


def _prose_entries(doc: PersonnelDoc, sentence: tuple[int, int], clause_start: int, toks: list[Token], trig: Token,
                   change: str, last_date: str | None, note: Note | None = None) -> list[Entry]:
    text = doc.text
    s, e = sentence
    named = _named_after_posts(doc, clause_start, trig.start)
    person = _appointee(doc, toks, trig) if trig.text in _APPOINTING else None
    person = person or _subject_person(doc, toks, trig, clause_start)
    if person is None and note is not None:
        person = note.person
        s = note.block_start                  # the evidence reaches back to the name
    if named:
        # 新会長に松岡義昭氏、副会長に堤由紀子氏及び戸川修氏が選任: each post names its own people
        status = _prose_status(doc, trig, toks, text[clause_start:trig.start])
        when = _effective_day(doc, clause_start, s, trig)
        kind = change if change != "retirement" else "appointment"
        posts: list[Post] = []
        for t, _ in named:
            post = _post_of(doc, t)
            if posts and post.org is None and text[:t.start].rstrip(SPACES).endswith("、"):
                # 持ち株会社の社長にはA、会長にはBが: the posts of a list share the first one's body
                post = Post(t, posts[-1].org, unresolved=posts[-1].unresolved)
            posts.append(post)
        return [Entry(p, [post], [], kind, status, when, (s, e), 0.7 if when else 0.6)
                for post, (_, people) in zip(posts, named) for p in people]
    paired = _subjects_each_with_posts(doc, toks, clause_start, trig) if person is not None else []
    if paired:
        status = _prose_status(doc, trig, toks, text[clause_start:trig.start])
        when = _effective_day(doc, clause_start, s, trig) or _day_of_a_labelled_row(doc, text[s:trig.start])
        kind = change if change != "retirement" else "appointment"
        out = []
        for p, posts in paired:
            # …がヒダカソフトの代表取締役社長に、…が取締役会長に: the later posts share the first one's body,
            # and so does a post the person holds now with no body written (現代表取締役の新見氏)
            body = paired[0][1][0].org
            posts = [q if q.org is not None or body is None else Post(q.title, body) for q in posts]
            own = [q if q.org is not None or posts[0].org is None else Post(q.title, posts[0].org)
                   for q in _own_posts(doc, p, clause_start)]
            out.append(Entry(p, posts, own, kind, status, when, (s, e), 0.7 if when else 0.6))
        return out
    if person is None:
        return []
    # the subject's own posts (現代表取締役社長の村井誠は, 専務取締役の藤川直美が): what they hold now
    own = _own_posts(doc, person, clause_start) + _current_posts_after(doc, person, change)
    own_spans = {(p.title.start, p.title.end) for p in own}
    titles = [t for t in doc.titles_in(clause_start, trig.start + len(trig.text))
              if (t.start, t.end) not in own_spans and t.end <= trig.start + len(trig.text)]
    # 執行役員CTO（最高技術責任者）に: the bracket glosses the post before it
    glosses = [(u.end, gloss_end(text, u.end)) for u in titles]
    titles = [t for t in titles if not any(a < t.start and t.end < b for a, b in glosses)]
    new: list[tuple[list[Post], str | None]] = []
    left: list[Post] = [p for p in own]
    seg_start = clause_start
    chain: list[Post] = []      # posts a space apart (常務執行役員 生産本部長): one change
    chain_date: str | None = None
    for k, t in enumerate(titles):
        after = text[gloss_end(text, t.end):][:3]
        # the date of a post is written in its own comma-delimited segment (…、2019年6月に当社取締役、…)
        seg_start = max(seg_start, text.rfind("、", seg_start, t.start) + 1)
        if not chain:
            chain_date = doc.date_value(seg_start, t.start)
        # 常磐洋上電力株式会社 執行役員 洋上風力事業本部長: the posts of a chain share its body
        chain.append(Post(t, doc.org_of(t) or (chain[-1].org if chain else _the_one_unit_headed(doc, t))))
        seg_start = t.end
        nxt = titles[k + 1] if k + 1 < len(titles) else None
        if nxt is not None and text[t.end:nxt.start] and not text[t.end:nxt.start].strip(SPACES):
            continue
        if after.startswith("から") and trig.text in _APPOINTING:
            pass        # 文部科学大臣から理事長に任命: who appoints, not a post the person leaves
        elif after.startswith("から") or (change == "retirement" and (after[:1] in ("を", "の") or after.startswith("として"))):
            left += chain   # 理事長として当機構を率いてきた三浦は…退任: the post left
        elif after[:1] in ("に", "、") or after.startswith("へ") or t.end == trig.start:
            new.append((chain, chain_date))
        chain = []
    status = _prose_status(doc, trig, toks, text[clause_start:trig.start])
    clause = text[clause_start:trig.start]
    shared_date = _effective_day(doc, clause_start, s, trig)
    if shared_date is None and re.search(r"同日(?:付|をもって)", clause):
        shared_date = last_date
    if shared_date is None:
        shared_date = _day_of_a_labelled_row(doc, text[s:trig.start])   # the sentence's first clause may name it
    meeting = _MEETING_DECIDES.search(clause)
    if meeting is None and trig.text in ("選任", "承認", "決議"):
        meeting = _MEETING_HELD.search(clause)     # …株主総会において、NAMEが取締役に選任され
    if shared_date is None and meeting is not None:
        # 2026年6月開催予定の第71回定時株主総会の終結の時をもって: the change takes effect that day
        held = [d for d in doc.dates_in(clause_start, clause_start + meeting.start()) if d.value]
        shared_date = held[-1].value if held else None
    if change == "retirement" and not new:
        if not left:
            return []
        return [Entry(person, [], left, "retirement", status, shared_date, (s, e), 0.65)]
    out: list[Entry] = []
    held_at = _body_of_current_post(doc, person, own)
    for posts, date in new:
        kind = change if change != "retirement" else "appointment"
        when = date or shared_date
        if held_at is not None:
            # 承継会社の現代表取締役社長である西園寺 亮は…取締役副社長に就任: a post with no body
            # written is at the body of the post the person holds now
            posts = [q if q.org is not None or q.unresolved else Post(q.title, held_at) for q in posts]
        out.append(Entry(person, posts, left, kind, status, when, (s, e), 0.7 if when else 0.6))
    return out


def _body_of_current_post(doc: PersonnelDoc, person: PersonMention, own: list[Post]):
    """The one body of the posts a person holds now, said so (``ORGの現TITLE``, ``ORGのTITLEである
    NAME``), or None: a post once served (``ORGでTITLEを務めたNAME``) says nothing of the new one."""
    text = doc.text
    current = [q for q in own if q.org is not None and (text[q.title.start - 1:q.title.start] == "現"
                                                         or text.startswith("である", q.title.end))]
    bodies = {doc.ctx.index.id_of(q.org) for q in current}
    return current[0].org if len(bodies) == 1 and None not in bodies else None


# verbs whose ``Xから`` names who appoints (文部科学大臣から任命), not the post held before
_APPOINTING = ("任命", "委嘱", "指名")

# 株式譲渡実行日をもって / 効力発生日付で: the change takes effect on a day a row of the release gives
_DAY_NAMED = re.compile(r"([\u4E00-\u9FFF\u30A0-\u30FF]{2,12}日)(?:をもって|付で|付けで|付)")


def _day_of_a_labelled_row(doc: PersonnelDoc, clause: str) -> str | None:
    """The date of the row labelled by the day a clause names (``株式譲渡実行日をもって`` over a
    schedule row ``株式譲渡実行日　2026年2月2日（予定）``)."""
    named = _DAY_NAMED.search(clause)
    if named is None or named.group(1) in ("同日", "本日", "当日"):
        return None
    row = re.compile(rf"^[\s\u3000・■●◆]*(?:[（(]?[0-9０-９]{{1,2}}[)）．.][\s\u3000]*)?{re.escape(named.group(1))}[\s\u3000：:]", re.M)
    hit = row.search(doc.text)
    if hit is None:
        return _day_of_the_act(doc, named.group(1)[:-1])
    line_end = doc.text.find("\n", hit.end())
    return doc.date_value(hit.end(), len(doc.text) if line_end < 0 else line_end)


def _day_of_the_act(doc: PersonnelDoc, act: str) -> str | None:
    """開院日付で就任: with no row for the day, the date of the sentence that tells the act
    (2025年10月1日、…を開院いたします)."""
    if len(act) < 2:
        return None
    for hit in re.finditer(rf"を{re.escape(act)}(?:いたし|し|する|します|予定)", doc.text):
        sentence = next((x for x in doc.ctx.sentences if x.start <= hit.start() < x.end), None)
        day = doc.date_value(sentence.start, hit.start()) if sentence is not None else None
        if day is not None:
            return day
    return None


_MEETING_DECIDES = re.compile(r"開催(?:予定)?の[^、。]{0,16}?株主総会(?:での|の|において)?(?:承認|決議|終結|選任)")
_MEETING_HELD = re.compile(r"開催(?:予定)?(?:の|した|された)[^、。]{0,16}?株主総会(?:で|での|において|にて)")


def _effective_day(doc: PersonnelDoc, clause_start: int, sentence_start: int, trig: Token) -> str | None:
    """The day a change takes effect written in its clause, else earlier in its sentence."""
    return doc.date_value(clause_start, trig.start, effective_only=True) or \
        doc.date_value(sentence_start, trig.start, effective_only=True)


def gloss_end(text: str, pos: int) -> int:
    """Past a bracket right after a post that glosses it (CTO（最高技術責任者））, else ``pos``."""
    # CEO（Chief Executive Officer）; not （現 西日本営業部長）, the post held before
    m = re.match(r"[（(](?![ \u3000]*[現前旧元新])[^（）()、。]{1,30}[）)]", text[pos:pos + 34])
    return pos + m.end() if m else pos
_LISTED_NEXT = re.compile(r"[ \u3000]*(?:氏|様|さん)?[ \u3000]*(?:及び|および|並びに|ならびに|と|、)[ \u3000]*")


def _post_of(doc: PersonnelDoc, t: TitleMention) -> Post:
    """A post and its body; ``持ち株会社の社長``: a body named by a common noun, not one of the
    release's names, is unknown (not the issuer)."""
    org = doc.org_of(t) or _the_one_unit_headed(doc, t)
    by_noun = org is None and re.search(r"[\u4E00-\u9FFF\u30A0-\u30FF]{2,}の$", doc.text[max(0, t.start - 12):t.start])
    return Post(t, org, unresolved=bool(by_noun))


# a hospital's or clinic's head, and the words its name holds (…クリニック博多: a branch's place may follow)
_HEAD_OF_A_HOSPITAL = re.compile(r"副?院長")
_HOSPITAL_WORD = re.compile(r"病院|クリニック|医院|診療所")


def _the_one_unit_headed(doc: PersonnelDoc, t: TitleMention):
    """センター長には…: the head of the one centre the release names (…研究センター); 院長には…:
    the head of the hospital or clinic the release names, or, where it names several, of the
    one its headline names first (the clinic it opens, not the hospital the head comes from)."""
    if _HEAD_OF_A_HOSPITAL.fullmatch(t.text):
        named = [o for o in doc.orgs if o.source not in ("anaphor", "alias") and _HOSPITAL_WORD.search(o.text)]
        if len({o.text for o in named}) > 1 and doc.ctx.title_span is not None:
            s, e = doc.ctx.title_span
            named = [o for o in named if s <= o.start < e][:1]
        return named[0] if len({o.text for o in named}) == 1 else None
    m = re.fullmatch(r"副?(センター|機構|研究所|研究室|委員会|協議会)長", t.text)
    if m is None:
        return None
    named = [o for o in doc.orgs if o.source not in ("anaphor", "alias") and o.text.endswith(m.group(1))]
    return named[0] if len({o.text for o in named}) == 1 else None


def _named_after_posts(doc: PersonnelDoc, s: int, e: int) -> list[tuple[TitleMention, list[PersonMention]]]:
    """``TITLEにNAME氏``, ``TITLEにはORGのNAME TITLE2が`` between s and e: the post, then the people
    given it (a list joined by 及び, と or 、 runs on until the next post)."""
    starts = {p.start: p for p in doc.people_in(s, e)}
    org_ends = {o.start: o.end for o in doc.orgs}
    out = []
    for t in doc.titles_in(s, e):
        pos = skip_spaces(doc.text, t.end)
        if doc.text[pos:pos + 1] != "に":
            continue
        pos = skip_spaces(doc.text, pos + (2 if doc.text.startswith("には", pos) else 1))
        if pos in org_ends and doc.text.startswith("の", org_ends[pos]):
            pos = org_ends[pos] + 1     # 会長にはささなみ銀行の藤森美奈子頭取が: the body the person comes from
        people = []
        person = starts.get(pos)
        while person is not None:
            people.append(person)
            joiner = _LISTED_NEXT.match(doc.text, person.end)
            person = starts.get(joiner.end()) if joiner else None
        if people:
            out.append((t, people))
    return out


def _subjects_each_with_posts(doc: PersonnelDoc, toks: list[Token], clause_start: int,
                              trig: Token) -> list[tuple[PersonMention, list[Post]]]:
    """``AがORGのTITLE1に、現TITLEのB氏がTITLE2に、それぞれ就任``: two or more subjects, each with the
    posts marked by に that follow it before the next subject; empty unless every subject has one."""
    sent_start = toks[0].start if toks else clause_start
    # the name itself marked (AがX社の社長に), not a name with its post (星野由美子社長（54）が副社長に)
    subjects = [p for p in doc.people_in(sent_start, trig.start) if _marked_as_subject(doc, p) == "が"]
    if len(subjects) < 2:
        return []
    out = []
    for p, nxt in zip(subjects, subjects[1:] + [None]):
        end = _own_posts_start(doc, nxt) if nxt is not None else trig.start
        posts = [_post_of(doc, t) for t in doc.titles_in(p.end, end)
                 if doc.text.startswith("に", skip_spaces(doc.text, gloss_end(doc.text, t.end)))]
        if not posts:
            return []
        out.append((p, posts))
    return out


def _marked_as_subject(doc: PersonnelDoc, p: PersonMention) -> str:
    m = _TOPIC.match(doc.text, p.end)
    return m.group()[-1] if m else ""


def _own_posts_start(doc: PersonnelDoc, person: PersonMention) -> int:
    """Where the apposition before a name starts (現代表取締役の|新見 敏郎): the previous subject's
    segment ends there."""
    own = _own_posts(doc, person, 0)
    start = own[0].title.start if own else person.start
    return start - 1 if doc.text[start - 1:start] == "現" else start


def _own_posts(doc: PersonnelDoc, person: PersonMention, floor: int) -> list[Post]:
    """Titles written before the name as its apposition: ``(現)TITLEのNAME``, ``ORGのTITLEであるNAME``,
    ``ORG TITLE NAME``."""
    out: list[Post] = []
    pos = back_over(doc.text, person.start)
    for glue in ("である", "の"):
        if doc.text[:pos].endswith(glue):
            pos = back_over(doc.text, pos - len(glue))
            break
    while pos > floor:
        t = next((x for x in doc.titles if x.end == pos), None)
        if t is None:
            break
        out.insert(0, Post(t, doc.org_of(t)))
        spaced = back_over(doc.text, t.start) < t.start
        pos = back_over(doc.text, t.start)
        for j in ("兼", "・"):
            if doc.text[:pos].endswith(j):
                pos = back_over(doc.text, pos - len(j))
                break
        else:
            if not spaced or not any(x.end == pos for x in doc.titles):
                break       # 当社執行役員 事業開発本部長の鷹野: posts a space apart are one apposition
    # the posts of one apposition share the body written before the first
    for k in range(1, len(out)):
        if out[k].org is None and out[k - 1].org is not None:
            out[k] = Post(out[k].title, out[k - 1].org)
    return out


_OBJECT = re.compile(r"[ \u3000]*(?:氏|様|さん|先生)?(?:[（(][^）)]{0,40}[）)])?を")
_CURRENT_BRACKET = re.compile(r"[ \u3000]*[（(][ \u3000]*現[ \u3000：:]*([^）)\n]{1,40})[）)]")


def _appointee(doc: PersonnelDoc, toks: list[Token], trig: Token) -> PersonMention | None:
    """市長 大川正憲は、古川真澄（現 教育部長）を教育長に任命: with a verb of appointing, the
    person marked by を is the one appointed; the topic is who appoints."""
    sent_start = toks[0].start if toks else trig.start
    marked = [p for p in doc.people_in(sent_start, trig.start) if _OBJECT.match(doc.text, p.end)]
    return marked[-1] if marked else None


def _current_posts_after(doc: PersonnelDoc, person: PersonMention, change: str) -> list[Post]:
    """The post held now written after the name: in a bracket (古川真澄（現 秋津野市教育委員会
    教育部長）を), or, for a person leaving, as the name's title before its particle (竹内 昭彦
    教育長は…退任; 高梨教授は…教授に着任 names the post taken)."""
    m = _CURRENT_BRACKET.match(doc.text, person.end)
    if m is not None:
        return [Post(t, doc.org_of(t)) for t in doc.titles_in(m.start(1), m.end(1))]
    title = next((t for t in doc.titles if t.start == skip_spaces(doc.text, person.end)), None)
    if change == "retirement" and title is not None and _TOPIC.match(doc.text, title.end):
        return [Post(title, doc.org_of(title))]
    return []


def _subject_person(doc: PersonnelDoc, toks: list[Token], trig: Token, clause_start: int) -> PersonMention | None:
    """The person marked by は or が whose phrase depends on the trigger in GiNZA's parse; else
    the nearest such person in the trigger's own clause."""
    tokens = doc.ctx.analysis.tokens
    sent_start = toks[0].start if toks else clause_start
    candidates = []
    for p in doc.people_in(sent_start, trig.start):
        after = p.end
        title = next((t for t in doc.titles if t.start == skip_spaces(doc.text, after)), None)
        if title is not None:               # 青木真由美取締役（48）が, 竹内 昭彦 教育長は
            after = title.end
        if _TOPIC.match(doc.text[after:trig.start]):
            candidates.append(p)
    for p in reversed(candidates):
        if _depends_on(tokens, p, trig):
            return p
    in_clause = [p for p in candidates if p.start >= clause_start]
    if in_clause:
        return in_clause[-1]
    # a topic (は) reaches over the later clauses of its sentence: 長谷川は、退任後、顧問に就任する
    topics = [p for p in candidates if _topic_marker(doc, p, trig) == "は"]
    return topics[-1] if topics else None


def _topic_marker(doc: PersonnelDoc, p: PersonMention, trig: Token) -> str:
    title = next((t for t in doc.titles if t.start == skip_spaces(doc.text, p.end)), None)
    m = _TOPIC.match(doc.text[title.end if title else p.end:trig.start])
    return m.group()[-1] if m else ""


_TOPIC = re.compile(r"[ \u3000]*(?:氏|様|さん|先生)?(?:[（(][^）)]{0,40}[）)])?(?:は|が)")


def _depends_on(tokens: tuple[Token, ...], p: PersonMention, trig: Token) -> bool:
    """The name's last token reaches the trigger through its heads, not through another verb of change."""
    last = next((t for t in tokens if t.start < p.end <= t.end), None)
    k = last.i if last else None
    for _ in range(16):
        if k is None:
            return False
        if k == trig.i:
            return True
        nxt = tokens[k].head
        if nxt == k:
            return False
        k = nxt
    return False


def _prose_status(doc: PersonnelDoc, trig: Token, toks: list[Token], before: str) -> str:
    """Read from the verb's own endings: 予定/内定 -> planned; a past た (就任しました) or 以来 ->
    done; a plain non-past (就任します, 昇格する人事) -> planned. A continuative ending
    (就任し、…) takes the status of the sentence's last predicate."""
    tokens = doc.ctx.analysis.tokens
    if cue("planned", before[-6:]):
        return "planned"
    k = trig.i + 1
    last = toks[-1].i if toks else trig.i
    while k <= last:
        t = tokens[k]
        if cue("planned", t.text) or t.lemma in ("予定", "内定", "見込み"):
            return "planned"
        if t.text == "以来" or t.text == "後" and k == trig.i + 1:
            return "done"       # 就任以来, 就任して以来, 退任後
        if t.pos in ("AUX", "VERB", "SCONJ") or t.tag.startswith("助動詞") or t.tag.startswith("動詞-非自立") \
                or t.tag.startswith("助詞-接続助詞"):
            if t.text == "た" or t.lemma == "た":
                return "done"
            k += 1
            continue
        if t.text == "、" and tokens[k - 1].text in ("し", "て", "り", "き", "れ"):
            return _final_status(tokens, k, last)
        break
    return "planned"


def _final_status(tokens: tuple[Token, ...], start: int, last: int) -> str:
    """The status of a sentence's last predicate: past (た) -> done, 予定 -> planned, else planned."""
    for t in tokens[last:start:-1]:
        if t.lemma in ("予定", "内定") or t.text in ("予定",):
            return "planned"
        if t.text == "た" and (t.tag.startswith("助動詞") or t.pos == "AUX"):
            return "done"
    return "planned"
