"""Quote attribution: each rule with a table of sentences from several kinds of document
(council news, science, sport, business, health, diplomacy), written for these tests."""

from __future__ import annotations

import pytest

from assistant.sentences import split_sentences
from assistant.speakers import (
    People,
    appositive_owner,
    attribute,
    is_role_word,
    looks_like_person,
    mentions,
    named_people,
    names_a_work,
    owner_length,
    quote_spans,
    reads_as_role,
    role_after,
    role_before,
    speaker_label,
    split_role,
    strip_honorific,
)


def speakers(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.speaker, q.role, q.text) for q in attribute(split_sentences("doc.txt", text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will act,” she said.", ["We will act,"]),
        ('He said "enough" and left.', ["enough"]),
        ("No quotation here.", []),
        ("“Open and shut” and “closed”.", ["Open and shut", "closed"]),
        ("A quotation left open: “and it runs on", ["and it runs on"]),
        ("“ ”", []),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("minister", True),
        ("Secretary", True),
        ("spokeswoman", True),
        ("coach", True),
        ("member", True),
        ("remember", False),
        ("bridge", False),
        ("road", False),
    ],
)
def test_is_role_word(word: str, expected: bool) -> None:
    assert is_role_word(word) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Council", "leader", "Maria", "Okafor"], (["Council", "leader"], ["Maria", "Okafor"])),
        (["French", "President", "Emmanuel", "Macron"], (["French", "President"], ["Emmanuel", "Macron"])),
        (["Lena", "Voss"], ([], ["Lena", "Voss"])),
    ],
)
def test_split_role(words: list[str], expected: tuple[list[str], list[str]]) -> None:
    assert split_role(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Dr", "Lena", "Voss"], (["Lena", "Voss"], True)),
        (["Mr", "Becker"], (["Becker"], True)),
        (["Dame", "Kelly", "Holmes"], (["Kelly", "Holmes"], True)),
        (["Tom", "Becker"], (["Tom", "Becker"], False)),
    ],
)
def test_strip_honorific(words: list[str], expected: tuple[list[str], bool]) -> None:
    assert strip_honorific(words) == expected


@pytest.mark.parametrize(
    ("words", "cue", "expected"),
    [
        (["Maria", "Okafor"], False, True),
        (["Becker"], False, False),
        (["Becker"], True, True),
        (["Met", "Office"], False, False),
        (["Labour", "Party"], False, False),
        (["North", "Macedonia"], False, False),
        (["NHS"], True, False),
        (["The", "Council"], False, False),
        (["Bill", "Nelson"], True, True),  # after a role, a first name that is also a word
        (["Mark", "Trust"], True, False),
        (["May", "Okafor"], True, False),
    ],
)
def test_looks_like_person(words: list[str], cue: bool, expected: bool) -> None:
    assert looks_like_person(words, cue) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Edi Rama, Albania's prime minister, said so.", "Edi Rama", "Albania's prime minister"),
        (
            "Tom Becker, the opposition finance spokesman, who spoke first.",
            "Tom Becker",
            "opposition finance spokesman",
        ),
        (
            "Lena Voss, a climate scientist at the university, agreed.",
            "Lena Voss",
            "climate scientist at the university",
        ),
        ("Maria Okafor, 52, said it.", "Maria Okafor", None),
        ("Sam Lee, who lives nearby, said it.", "Sam Lee", None),
        # Membership is a role ("a member of ...", "a senior figure in ..."): a parliament, a party.
        (
            "Marion Blanc, a member of the European Parliament, wrote that it was a disgrace.",
            "Marion Blanc",
            "member of the European Parliament",
        ),
        (
            "Jean Tanguy, a senior figure in the Green Party, said the galleries were badly guarded.",
            "Jean Tanguy",
            "senior figure in the Green Party",
        ),
        ("Ida Holm, a board member of the ferry company, resigned.", "Ida Holm", "board member of the ferry company"),
    ],
)
def test_role_after(text: str, name: str, expected: str | None) -> None:
    assert role_after(text, text.index(name) + len(name)) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("the plan, said Health Office minister Ana Silva", "Ana Silva", "Health Office minister"),
        ("as the club's head coach, Ben Ito", "Ben Ito", "club's head coach"),
        ("announced by the regional transport director, Priya Shah", "Priya Shah", "regional transport director"),
        ("a quiet day for Ben Ito", "Ben Ito", None),
    ],
)
def test_role_before(text: str, name: str, expected: str | None) -> None:
    assert role_before(text, text.index(name)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Speaking beside Albanian Prime Minister Edi Rama, he smiled.", [("Edi Rama", "Albanian Prime Minister")]),
        ("Council leader Maria Okafor opened the bridge.", [("Maria Okafor", "Council leader")]),
        ("The Met Office issued a warning for North Wales.", []),
        ("Fans travelled to New Zealand for the final.", []),
        ("Dr Lena Voss and Tom Becker disagreed.", [("Lena Voss", None), ("Tom Becker", None)]),
        ("In March the Labour Party met.", []),
    ],
)
def test_mentions(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(" ".join(m.words), m.role) for m in mentions(sentence)] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Elon", "Musk's", "SpaceX"], 2),
        (["Ana", "Ruiz’s", "Harbour", "Trust"], 2),
        (["Boeing's", "Chief", "Executive", "Kelly", "Ortberg"], 5),  # a role follows: the run is one
        (["Maria", "Okafor"], 2),
    ],
)
def test_owner_length(words: list[str], expected: int) -> None:
    assert owner_length(words) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("An article published on 2 May, “", True),
        ("The council's report, “", True),
        ("She wrote an essay headlined “", True),
        ("a documentary dubbed “", True),
        ("Mayor Ana Ruiz said the plan was “", False),
        ("In a report on Monday, the regulator said: “", False),
        ("The coach told reporters the story was “", False),
    ],
)
def test_names_a_work(before: str, expected: bool) -> None:
    assert names_a_work(before) is expected


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("Maria Okafor, the head of research at Northwind Labs, said", "Maria Okafor"),
        ("Lars Berg, the coach of Vale Rovers, said", "Lars Berg"),
        ("Ines Duarte, Harbourline's chief executive, said", "Ines Duarte"),
        ("The club's chairman, Tom Reid, said", None),  # the name is the appositive: no owner before it
        ("Northwind Labs, a drug maker in Leeds, said", None),  # no person before the appositive
    ],
)
def test_appositive_owner(frame: str, expected: str | None) -> None:
    people = People()
    here = [(m, people.add(m)) for m in mentions(frame)]
    owner = appositive_owner(frame, frame.index(","), here)
    assert (owner.name if owner else None) == expected


@pytest.mark.parametrize(
    ("aside", "expected"),
    [
        ("Senior Fellow, Institute for Coastal Studies, University of Leeds", True),
        ("R-Texas", True),
        ("Acting Commissioner, U.S. Food and Drug Administration", True),
        ("laughter", True),
        ("inaudible. The chair asked again", False),
        ("did she say that? Unclear", False),
        ("crosstalk!", False),
    ],
)
def test_reads_as_role(aside: str, expected: bool) -> None:
    assert reads_as_role(aside) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okafor: We will rebuild the bridge.", (["Okafor"], None, 8)),
        ("DR LENA VOSS: The data are clear.", (["Dr", "Lena", "Voss"], None, 14)),
        ("Ben Ito (head coach): We go again.", (["Ben", "Ito"], "head coach", 22)),
        ("The result: a draw.", None),
        ("Shares fell 8% on Monday.", None),
        (  # a long title: an office, its division and the employer
            "PRIYA NAIR (Deputy Director, Office of Coastal Flood Resilience, Environment Agency): We pump at dawn.",
            (["Priya", "Nair"], "Deputy Director, Office of Coastal Flood Resilience, Environment Agency", 86),
        ),
        (
            "Tomas Ferreira (Chief Operating Officer and Acting Head of Network Safety, Northern Rail): It reopens.",
            (["Tomas", "Ferreira"], "Chief Operating Officer and Acting Head of Network Safety, Northern Rail", 91),
        ),
        ("SEN. JO PARK (D-Ore.): Thank you.", (["Sen.", "Jo", "Park"], "D-Ore.", 23)),
        ("Ben Ito (he paused here. Then he spoke again): Fine.", None),  # sentences in brackets
        ("Ana Ruiz (was she there? Nobody knew): No.", None),
        ("Lena Voss (" + "very " * 30 + "long aside): Yes.", None),  # longer than any title
    ],
)
def test_speaker_label(text: str, expected: object) -> None:
    assert speaker_label(text) == expected


# Whole documents: (text, [(speaker, role, quoted words)]).
DOCUMENTS = [
    (  # road closure: words on their own after a sentence reporting a named person's speech
        "A landslide blocked the coast road overnight.\n"
        "“Drivers should expect delays,” said council engineer Tom Hale.\n"
        "Police spokesperson Anna Holm said the road would stay shut until Friday. “We ask people to stay away.”",
        [
            ("Tom Hale", "council engineer", "Drivers should expect delays,"),
            ("Anna Holm", "Police spokesperson", "We ask people to stay away."),
        ],
    ),
    (  # hospital strike: the union leader reports, then speaks; a later quotation says who
        "Nurses walked out at Lindvik hospital on Monday.\n"
        "Union leader Sara Berg told reporters the offer was too low. “Our members are exhausted.”\n"
        "“We will keep the wards safe,” said the hospital's director, Ola Dahl.",
        [
            ("Sara Berg", "Union leader", "Our members are exhausted."),
            ("Ola Dahl", "hospital's director", "We will keep the wards safe,"),
        ],
    ),
    (  # council news: inverted verb, surname resolved, pronoun, quotation running on
        "Council leader Maria Okafor opened the new bridge on Monday.\n"
        "“It took ten years,” Okafor said. “Nobody gave up.”\n"
        "She added that the road would reopen in June.\n"
        "“We are proud of the crews,” she told reporters.",
        [
            ("Maria Okafor", "Council leader", "It took ten years,"),
            ("Maria Okafor", "Council leader", "Nobody gave up."),
            ("Maria Okafor", "Council leader", "We are proud of the crews,"),
        ],
    ),
    (  # science: according to, appositive role, honorific
        "According to Dr Lena Voss, a climate scientist at the university, the record shows "
        '"a clear warming trend".\n'
        'Her colleague Prof Omar Haddad was more cautious: "One summer is not a climate," Haddad said.',
        [
            ("Lena Voss", "climate scientist at the university", "a clear warming trend"),
            ("Omar Haddad", None, "One summer is not a climate,"),
        ],
    ),
    (  # sport: said + name, participle, relative clause
        "The side was beaten 3-1 at home on Saturday.\n"
        '"We were second best," said head coach Ben Ito.\n'
        "Captain Jo Marsh, who scored the only goal, said it was “a hard day”.\n"
        "Ito later left the ground, saying: “We go again next week.”",
        [
            ("Ben Ito", "head coach", "We were second best,"),
            ("Jo Marsh", "Captain", "a hard day"),
            ("Ben Ito", "head coach", "We go again next week."),
        ],
    ),
    (  # business: role before a comma, name before the verb with an adverb between
        "Shares fell 8% after the results.\n"
        "The company's chief executive, Priya Shah, said the quarter had been “tough but fair”.\n"
        "Analyst Marc Dubois also warned: “Margins are thin.”",
        [
            ("Priya Shah", "company's chief executive", "tough but fair"),
            ("Marc Dubois", "Analyst", "Margins are thin."),
        ],
    ),
    (  # diplomacy: inverted verb with a title, appositive role kept for later quotes
        "Kenyan President William Ruto arrived in Berlin on Tuesday.\n"
        "“Trade must flow both ways,” Ruto said after the talks.\n"
        "Germany's chancellor welcomed the visit.",
        [("William Ruto", "Kenyan President", "Trade must flow both ways,")],
    ),
    (  # sport again: an honorific between the appositive role and the name; a role alone speaks
        "The board met on Monday.\n"
        '"We will appeal," said the club\'s chairman, Dr. Ian Moss.\n'
        'A league spokesperson said: "The decision stands."\n'
        '"Fans deserve better," said its coordinator, Lea Brandt.',
        [
            ("Ian Moss", "club's chairman", "We will appeal,"),
            ("League spokesperson", None, "The decision stands."),
            ("Lea Brandt", "coordinator", "Fans deserve better,"),
        ],
    ),
    (  # a quotation with no speaker the text names is left out
        "Signs read “No entry” all along the road.\nThe word “resilience” appears often in the report.",
        [],
    ),
    (  # energy: the speaker is the subject of the reporting verb, not a name in the reported clause
        "Grid operators met on Friday.\n"
        "Energy Minister Sara Lind said she had asked Tomas Berg's utility to “keep the lights on”, "
        "which he promised.",
        [("Sara Lind", "Energy Minister", "keep the lights on")],
    ),
    (  # health: a name starting the sentence; a noun ("a fair call") between the verb and the quotation
        "The trial ended early.\n"
        "Lead researcher Omar Haddad called it a fair call and “the only safe choice”.\n"
        "Haddad told reporters he was “hopeful” about a second trial.",
        [
            ("Omar Haddad", "Lead researcher", "the only safe choice"),
            ("Omar Haddad", "Lead researcher", "hopeful"),
        ],
    ),
    (  # a correction quoting a headline: a title, not speech
        "A report published on 4 May, “Ferry fares to double”, said Ana Ruiz ran the ferry company.\n"
        "The Valley Gazette regrets the error.",
        [],
    ),
    (  # transcripts: a speaker label names the speaker of every sentence of its paragraph
        "Mayor Ana Ruiz and engineer Ben Ito answered questions.\n\n"
        "Q: When will the bridge reopen?\n\n"
        "Ruiz: In June. The crews have worked every weekend.\n\n"
        "BEN ITO: The steel is in place.",
        [
            ("Ana Ruiz", "Mayor", "In June."),
            ("Ana Ruiz", "Mayor", "The crews have worked every weekend."),
            ("Ben Ito", "engineer", "The steel is in place."),
        ],
    ),
    (  # a witness with a long title, later named by surname only
        "Excerpt from a committee hearing on the flood barrier.\n\n"
        "PRIYA NAIR (Deputy Director, Office of Coastal Flood Resilience, Environment Agency): "
        "We opened the gates too late. I am sorry.\n\n"
        "CHAIR: Why so late?\n\n"
        "NAIR: The gauges failed.",
        [
            ("Priya Nair", "Deputy Director, Office of Coastal Flood Resilience, Environment Agency", x)
            for x in ("We opened the gates too late.", "I am sorry.", "The gauges failed.")
        ],
    ),
    (  # "she said" after an appositive role: the person, not the organisation inside the role
        "Maria Okafor, the head of research at Northwind Labs, said the trial had ended early. "
        "\u201cWe saw no benefit in either group,\u201d she said.",
        [("Maria Okafor", "head of research at Northwind Labs", "We saw no benefit in either group,")],
    ),
    (
        "Lars Berg, the coach of Vale Rovers, said the squad was tired. "
        "\u201cThree games in a week is too many,\u201d he told reporters.",
        [("Lars Berg", "coach of Vale Rovers", "Three games in a week is too many,")],
    ),
    (  # a possessive role: the name keeps its own words
        "Ines Duarte, Harbourline's chief executive, said fares would rise. \u201cFuel costs doubled,\u201d she said.",
        [("Ines Duarte", "Harbourline's chief executive", "Fuel costs doubled,")],
    ),
    (  # verbs joined by "and" / "but" share their subject: the second brings no new speaker
        "Lena Voss, head of the rail users' group, said the timetable was “a mess”. "
        "She asked why one signal box could stop every train, and called it “a failure of planning”.",
        [
            ("Lena Voss", "head of the rail users' group", "a mess"),
            ("Lena Voss", "head of the rail users' group", "a failure of planning"),
        ],
    ),
    (
        "The ferry sailed three hours late.\n\n"
        "Port director Ola Berg said the crew had done well. "
        "She thanked the pilots but warned that the engines were “worn out”.",
        [("Ola Berg", "Port director", "worn out")],
    ),
    (  # a label that names no one is not a turn
        "Update: the match was moved to Sunday.\n\nKey Points: two goals in the first half.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENTS)
def test_attribute(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "_expected"), DOCUMENTS)
def test_quote_offsets_point_into_the_document(text: str, _expected: object) -> None:
    sentences = split_sentences("doc.txt", text)
    by_id = {s.sentence_id: s for s in sentences}
    for q in attribute(sentences):
        assert text[q.start : q.end] == q.text
        sentence = by_id[q.sentence_id]
        assert sentence.start <= q.start < q.end <= sentence.end


def test_the_seed_article_speakers(article_text: str) -> None:
    got = {(q.speaker, q.role) for q in attribute(split_sentences("a", article_text))}
    assert got == {
        ("Keir Starmer", "Prime Minister"),
        ("Edi Rama", "Albanian Prime Minister"),
        ("Chris Philp", "Shadow Home Secretary"),
    }


def test_the_index_snapshot_serves_quotes_and_figures(bot) -> None:  # type: ignore[no-untyped-def]
    doc_id = bot.documents[0].doc_id
    quotes = bot.snapshot.quotes_of(doc_id)
    assert {q.speaker for q in quotes} == {"Keir Starmer", "Edi Rama", "Chris Philp"}
    assert bot.snapshot.quotes_of(doc_id) is quotes  # computed once
    assert any(f.kind == "money" for f in bot.snapshot.figures_of(doc_id))


# A transcript's one-word label in capitals names a speaker that another document names:
# (the other document, the transcript, the speakers expected with their roles).
ELSEWHERE = [
    (
        "Fire Chief Dana Okoro led the crews at the warehouse fire.",
        "OKORO: The roof fell in shortly after midnight.\n\nQUESTION: Was anyone inside?\n\nOKORO: No one was inside.",
        [("Dana Okoro", "Fire Chief"), ("Dana Okoro", "Fire Chief")],
    ),
    (
        "Port Director Lena Voss closed the inner basin on Sunday.",
        "VOSS: The basin stays shut until the divers finish.\n\nNOTE: The briefing ran late.",
        [("Lena Voss", "Port Director")],
    ),
    # A one-word label no other document names, or names for two people, is no speaker.
    ("Mayor Ana Ruiz and her brother Ben Ruiz left.", "RUIZ: The market opens on Monday.", []),
    ("The council met on Monday.", "BRENNAN: We meet again in June.", []),
]


@pytest.mark.parametrize(("other", "transcript", "expected"), ELSEWHERE)
def test_a_one_word_label_names_a_person_another_document_names(
    other: str, transcript: str, expected: list[tuple[str, str | None]]
) -> None:
    people = named_people(split_sentences("other", other))
    quotes = attribute(split_sentences("transcript", transcript), lambda: people)
    assert [(q.speaker, q.role) for q in quotes] == expected


def test_a_briefing_names_a_transcript_speaker_another_document_names(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from asking import bot_on

    from assistant.briefing import WHO_SAID_WHAT

    bot = bot_on(
        tmp_path_factory,
        "labels",
        {
            "report.txt": "Warehouse fire in Dunmore\n\nFire Chief Dana Okoro led the crews at the warehouse fire.\n",
            "transcript.txt": (
                "Press conference on the warehouse fire\n\nOKORO: The roof fell in shortly after midnight.\n\n"
                "QUESTION: Was anyone inside?\n\nOKORO: No one was inside the building.\n"
            ),
        },
    )
    who = {item.label: item for item in bot.brief().section(WHO_SAID_WHAT).items}
    assert "Dana Okoro, Fire Chief" in who
    assert any("roof fell in" in c.quote for c in who["Dana Okoro, Fire Chief"].citations)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # school news: a solid compound role between the verb and the name
        (
            "The school reopened on Monday. “We are relieved,” said headteacher Ruth Adeyemi.",
            [("Ruth Adeyemi", "headteacher", "We are relieved,")],
        ),
        # start-up news: a hyphenated compound role
        ("“Prices will fall,” said co-founder Maria Lopez.", [("Maria Lopez", "co-founder", "Prices will fall,")]),
        # flood report: a compound role in an appositive after the name
        (
            "“Nothing is left,” said Ana Ruiz, a local landowner.",
            [("Ana Ruiz", "local landowner", "Nothing is left,")],
        ),
        # social care story: the role word before a name, verb first
        (
            "“The waiting list doubled,” says caseworker Tom Okafor.",
            [("Tom Okafor", "caseworker", "The waiting list doubled,")],
        ),
    ],
)
def test_a_compound_role_before_or_after_a_name_names_the_speaker(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("headteacher", True), ("co-founder", True), ("Vice-Chair", True), ("mischief", False), ("banking", False)],
)
def test_compound_role_words(word: str, expected: bool) -> None:
    assert is_role_word(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # science news: the speaker's university between the name and the verb
        (
            "Professor Lena Brandt of Oxford University said the findings were “deeply worrying”.",
            [("Lena Brandt", "Professor", "deeply worrying")],
        ),
        # weather story: a body after "at the"
        (
            "Scientist Tom Ito at the Met Office warned of “a very wet week”.",
            [("Tom Ito", "Scientist", "a very wet week")],
        ),
        # politics: a role alone, "former" aside, names the one person given that role
        (
            "President Joe Biden toured the plant. “We must act,” the former president added.",
            [("Joe Biden", "President", "We must act,")],
        ),
        # council news: "the leader" is the council leader, not the mayor
        (
            "Mayor Ana Ruiz and council leader Tom Okafor met residents. “Not yet,” the leader said.",
            [("Tom Okafor", "council leader", "Not yet,")],
        ),
        # a prime minister is not a Home Office minister: the role stays the speaker
        (
            "Home Office minister Angela Eagle spoke first. “Not yet,” the Prime Minister said.",
            [("Prime Minister", None, "Not yet,")],
        ),
    ],
)
def test_affiliations_and_roles_alone_name_the_speaker(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US politics: an abbreviated title is a role, not part of the name
        ("“We need answers,” said Sen. Maria Cantwell.", [("Maria Cantwell", "Sen.", "We need answers,")]),
        # police appeal: two abbreviated titles
        ("“Stay at home,” Det. Supt. Claire Moss told residents.", [("Claire Moss", "Det. Supt.", "Stay at home,")]),
        # hearing transcript: a title in capitals opening a label, the bracketed role kept
        (
            "REP. ANDREW GARBARINO (Chairman of the subcommittee): This hearing will come to order.",
            [("Andrew Garbarino", "Chairman of the subcommittee", "This hearing will come to order.")],
        ),
        # council transcript: a title opening a label with no bracketed role becomes the role
        (
            "CLLR RUTH OYELARAN: We will pay for the freight boat.",
            [("Ruth Oyelaran", "Cllr", "We will pay for the freight boat.")],
        ),
    ],
)
def test_abbreviated_titles_are_roles_not_names(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # politics: a party named inside the description is not the writer
        (
            "Jean Roux, a senior figure in the Green Alliance, wrote that the vote was “a betrayal”.",
            [("Jean Roux", "senior figure in the Green Alliance", "a betrayal")],
        ),
        # crime story: a place named inside the description is not the speaker
        (
            "Ben Cole, a tourist visiting Paris Museums, said it was “over in minutes”.",
            [("Ben Cole", None, "over in minutes")],
        ),
        # the name itself as the appositive still speaks
        ("The club's chairman, Tom Reid, said it was “a shame”.", [("Tom Reid", "club's chairman", "a shame")]),
    ],
)
def test_a_name_inside_a_description_is_not_the_speaker(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert speakers(text) == expected
