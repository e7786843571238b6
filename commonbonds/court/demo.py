"""A fictional judicial election for trying the live page (DESIGN §7).

Every name and country here is invented: nothing states a fact about a real person or state.
The regional groups are the real ones (they are not states); the numbers of States Parties
per group are illustrative. `commonbonds court_demo` creates it (flagged `is_demo`, bannered
on every page, left out of the API); `commonbonds court_demo --remove` removes it.
"""

DEMO_SLUG = "demo-judges"

PARTIES = {
    "african": 33,
    "asia_pacific": 19,
    "eastern_european": 18,
    "latin_american_caribbean": 28,
    "western_european_other": 25,
}

# name, list, gender, regional group, fictional country
REMAINING_JUDGES = [
    ("Judge Amadi Torvelle", "A", "M", "african", "Arvenia"),
    ("Judge Nsia Belcourt", "B", "F", "african", "Belmora"),
    ("Judge Kofi Marandel", "A", "M", "african", "Corvalia"),
    ("Judge Rin Halvorsen-Tako", "A", "F", "asia_pacific", "Drustan"),
    ("Judge Petra Voskany", "B", "F", "eastern_european", "Elboria"),
    ("Judge Milos Ardentov", "A", "M", "eastern_european", "Faroness"),
    ("Judge Lucia Ferrandel", "B", "F", "latin_american_caribbean", "Gavria"),
    ("Judge Mateo Quillabre", "A", "M", "latin_american_caribbean", "Hestmark"),
    ("Judge Inés Caravanth", "B", "F", "latin_american_caribbean", "Idrania"),
    ("Judge Henrik Solvane", "A", "M", "western_european_other", "Jorvald"),
    ("Judge Claude Dumarest", "B", "M", "western_european_other", "Kestria"),
    ("Judge Oskar Wendemere", "B", "M", "western_european_other", "Lunadia"),
]

CANDIDATES = [
    ("Aiko Fennwright", "A", "F", "asia_pacific", "Marovia"),
    ("Dev Oranthal", "A", "M", "asia_pacific", "Norvessa"),
    ("Mei-Lin Castellow", "B", "F", "asia_pacific", "Ostralind"),
    ("Tenzin Arbourne", "A", "M", "asia_pacific", "Pelagonia"),
    ("Zofia Kellavar", "A", "F", "eastern_european", "Quenmark"),
    ("Radu Ostemir", "B", "M", "eastern_european", "Rosvalia"),
    ("Adaeze Tollwin", "A", "F", "african", "Sarvendia"),
    ("Baraka Wendholm", "B", "M", "african", "Tarquenia"),
    ("Valeria Montescudo", "A", "F", "latin_american_caribbean", "Ulvaria"),
    ("Tomás Harrowgate", "B", "M", "latin_american_caribbean", "Vintaria"),
    ("Ingrid Saelborn", "A", "F", "western_european_other", "Wyndemar"),
    ("Pierre Lanvallon", "B", "M", "western_european_other", "Xandoria"),
]

QUESTIONS = [
    (
        "What in your experience prepares you to try cases of the gravest crimes?",
        "Qu’est-ce qui, dans votre expérience, vous prépare à juger les crimes les plus graves ?",
        "¿Qué aspectos de su experiencia lo preparan para juzgar los crímenes más graves?",
        "ما الذي يؤهلك في خبرتك للنظر في أشد الجرائم خطورة؟",
    ),
    (
        "How would you make proceedings fair and efficient for accused persons and victims?",
        "Comment rendriez-vous les procédures équitables et efficaces pour les accusés et "
        "les victimes ?",
        "¿Cómo haría que los procedimientos fueran justos y eficientes para los acusados y "
        "las víctimas?",
        "كيف ستجعل الإجراءات عادلة وفعالة للمتهمين وللضحايا؟",
    ),
]

# The first ballot: 120 papers, 2 invalid, no abstentions (118 voting, 79 required).
FIRST_BALLOT = {
    "ballot_papers": 120,
    "invalid": 2,
    "abstentions": 0,
    "votes": {
        "Aiko Fennwright": 96,
        "Dev Oranthal": 70,
        "Mei-Lin Castellow": 62,
        "Tenzin Arbourne": 55,
        "Zofia Kellavar": 84,
        "Radu Ostemir": 40,
        "Adaeze Tollwin": 66,
        "Baraka Wendholm": 31,
        "Valeria Montescudo": 58,
        "Tomás Harrowgate": 25,
        "Ingrid Saelborn": 60,
        "Pierre Lanvallon": 30,
    },
}
