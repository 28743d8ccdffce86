"""Author inference from greetings, mentions and the turns of a conversation."""

import pytest
from threadloom.threading.authors import AuthorBook, same_person
from threadloom.threading.cues import comment_cues
from threadloom.threading.model import AuthorSource


def cues(text, lang="de"):
    return comment_cues(text.split("\n"), lang)


def test_greeting_names_the_parent_and_a_later_greeting_names_the_greeter():
    # 0 <- 1 (greets Peter: 0 is Peter's) <- 2 (greets Andreas: 1 is Andreas's, 2 is Peter)
    book = AuthorBook([None, None, None])
    parents = [None, 0]
    book.after_link(1, 0, parents, cues("Hallo Peter, das sehe ich anders."))
    assert book.name[0] == "Peter" and book.source[0] is AuthorSource.GREETING
    parents.append(1)
    book.after_link(2, 1, parents, cues("Hi Andreas, genau so sieht es aus."))
    assert book.name[1] == "Andreas"
    assert book.name[2] == "Peter" and book.source[2] is AuthorSource.CONVERSATION


def test_a_mention_names_the_author_one_level_further_up():
    book = AuthorBook([None, None, None])
    parents = [None, 0, 1]
    book.after_link(2, 1, parents, cues("Hallo Chris, Chili hat ganz recht: so ist es."))
    assert book.name[1] == "Chris"
    assert book.name[0] == "Chili"
    assert book.name[2] is None  # who names Chili in the third person is not Chili


def test_defending_an_earlier_comment_makes_one_its_author():
    book = AuthorBook([None, None, "Peter"])
    parents = [None, 0, 1]
    book.settle(parents, [cues("x"), cues("y"), cues("Verstehe mich nicht falsch, ich meine")])
    assert book.name[0] == "Peter" and book.source[0] is AuthorSource.CONVERSATION


def test_given_authors_are_never_overwritten():
    book = AuthorBook(["anna", None])
    book.after_link(1, 0, [None, 0], cues("Hallo Bernd, so nicht."))
    assert book.name[0] == "anna" and book.source[0] is AuthorSource.GIVEN


def test_a_greeting_overrides_a_guess_from_the_conversation():
    book = AuthorBook([None, None, None, None])
    parents = [None, 0, 1]
    book.name[0], book.source[0] = "Anna", AuthorSource.GREETING
    book.name[1], book.source[1] = "Bert", AuthorSource.GREETING
    book.after_link(2, 1, parents, cues("Hallo Bert, nein."))
    assert book.name[2] == "Anna" and book.guessed[2]
    parents.append(2)
    book.after_link(3, 2, parents, cues("Hallo Carla, doch."))
    assert book.name[2] == "Carla" and not book.guessed[2]


def test_latest_by_finds_an_authors_last_comments_before_a_point():
    book = AuthorBook(["anna", None, None, "anna", None, "anna"])
    assert book.latest_by("anna", 5, 3) == [3, 0]
    assert book.latest_by("anna", 6, 2) == [5, 3]
    assert book.latest_by("Carla", 6, 3) == []
    # Learnt authors are found too: 1 is Carla's; 2 is guessed to be anna's (A-B-A).
    book.after_link(2, 1, [None, 0, 1], cues("Hallo Carla, so nicht."))
    assert book.latest_by("Carla", 6, 3) == [1]
    assert book.latest_by("anna", 6, 5) == [5, 3, 2, 0]
    # A greeting overrides the guess: 2 moves from anna to Dora.
    book.after_link(4, 2, [None, 0, 1, None, 2], cues("Hallo Dora, doch."))
    assert book.latest_by("anna", 6, 5) == [5, 3, 0]
    assert book.latest_by("Dora", 6, 3) == [2]
    assert book.latest_by("Carla", 6, 3) == [4, 1]


@pytest.mark.parametrize(("greeted", "author", "same"), [
    ("Peter", "Peter", True),
    ("maryk", "MaryK", True),  # an @handle typed in lower case
    ("Mary", "MaryK", True),  # the first name of a handle
    ("John", "JohnDoe", True),
    ("John", "john_doe", True),
    ("Peter", "Peter Müller", True),
    ("Peter Müller", "Peter", True),
    ("Maecenas", "Maecenas81", True),
    ("Doe", "JohnDoe", False),  # only the first word stands for the whole name
    ("Jo", "JoMo", False),  # too short to pick out a handle
    ("Pete", "Peter_S", False),
    ("Peter", "user26840", False),
    ("Anna", None, False),
])
def test_same_person_matches_a_greeting_to_a_signature(greeted, author, same):
    assert same_person(greeted, author) is same


def test_latest_by_finds_a_handle_by_the_name_greeted():
    book = AuthorBook(["JohnDoe", "John_Smith", "Johnny", "anna"])
    assert book.latest_by("John", 4, 3) == [1, 0]
    assert book.latest_by("johndoe", 4, 3) == [0]


def test_a_greeting_to_a_first_name_keeps_the_conversation_turn():
    # JohnDoe <- MaryK greets "Mary"... then a reply greeting "Mary" in answer to Mary's
    # answer to John is John again (A-B-A), found although the names differ in form.
    book = AuthorBook([None, None, None])
    parents = [None, 0]
    book.after_link(1, 0, parents, cues("Hallo JohnDoe, das sehe ich anders."))
    parents.append(1)
    book.after_link(2, 1, parents, cues("Hallo Mary, genau so."))
    assert book.name[2] == "JohnDoe"
    assert book.name[1] == "Mary"
