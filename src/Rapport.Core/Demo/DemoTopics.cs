namespace Rapport.Core.Demo;

/// <summary>The broad fields people work in. Communities gather around one or more of them.</summary>
internal enum Field
{
    Crafts,
    Software,
    Health,
    Food,
    Education,
    LocalServices,
    Research,
    CivicLife,
    Sea,
}

/// <summary>A topic people can be competent in, with the contexts that naturally qualify it.</summary>
internal sealed record DemoTopic(string Name, Field Field, params string[] Contexts);

/// <summary>The demo network's topic vocabulary: what a real neighbourhood of makers, carers and coders knows.</summary>
internal static class DemoTopics
{
    public static readonly DemoTopic[] All =
    [
        new("woodworking", Field.Crafts, "furniture repair", "community workshop", "Japanese joinery"),
        new("bicycle repair", Field.Crafts, "cargo bikes", "Vallila bike kitchen"),
        new("sewing", Field.Crafts, "clothing repair", "theatre costumes"),
        new("knitting", Field.Crafts, "Fair Isle patterns"),
        new("ceramics", Field.Crafts, "wheel throwing", "raku firing"),
        new("upholstery", Field.Crafts),
        new("electronics repair", Field.Crafts, "repair café", "vintage radios"),
        new("welding", Field.Crafts, "boat fittings", "sculpture"),
        new("3d printing", Field.Crafts, "makerspace"),
        new("bookbinding", Field.Crafts, "zines"),
        new("web development", Field.Software, "accessibility", "small business sites"),
        new("python", Field.Software, "data pipelines", "teaching beginners"),
        new("rust", Field.Software, "embedded devices"),
        new("databases", Field.Software, "PostgreSQL", "SQLite"),
        new("security", Field.Software, "threat modelling for NGOs", "password hygiene"),
        new("linux administration", Field.Software, "home servers", "self-hosting"),
        new("mobile apps", Field.Software, "Android"),
        new("ux research", Field.Software, "public services"),
        new("data visualisation", Field.Software, "maps", "local news"),
        new("open source maintenance", Field.Software, "documentation"),
        new("machine learning", Field.Software, "speech recognition"),
        new("first aid", Field.Health, "Red Cross volunteer", "outdoor events"),
        new("nursing", Field.Health, "elderly care", "home care visits"),
        new("physiotherapy", Field.Health, "running injuries", "back pain"),
        new("mental health peer support", Field.Health, "grief groups", "new parents"),
        new("nutrition", Field.Health, "diabetes", "sports"),
        new("midwifery", Field.Health),
        new("yoga", Field.Health, "chair yoga for seniors"),
        new("pharmacy", Field.Health, "medication reviews"),
        new("sourdough", Field.Food, "community bakery", "wood-fired ovens"),
        new("fermentation", Field.Food, "kimchi", "kombucha"),
        new("preserving", Field.Food, "jams and pickles"),
        new("urban gardening", Field.Food, "allotment plots", "balcony growing"),
        new("beekeeping", Field.Food, "rooftop hives"),
        new("catering", Field.Food, "events for 100+", "community kitchen"),
        new("vegan cooking", Field.Food),
        new("foraging", Field.Food, "mushrooms in Nuuksio", "seaweed"),
        new("coffee roasting", Field.Food, "small batches"),
        new("maths tutoring", Field.Education, "upper secondary", "adult learners"),
        new("language teaching", Field.Education, "Finnish for beginners", "Spanish conversation", "Arabic"),
        new("homework help", Field.Education, "library evenings"),
        new("early childhood education", Field.Education, "forest kindergarten"),
        new("adult literacy", Field.Education),
        new("music lessons", Field.Education, "piano", "guitar"),
        new("coding for kids", Field.Education, "Scratch", "library code club"),
        new("special needs education", Field.Education, "autism"),
        new("plumbing", Field.LocalServices, "old buildings"),
        new("electrical work", Field.LocalServices, "certified installations"),
        new("accounting", Field.LocalServices, "small business taxes", "associations"),
        new("legal advice", Field.LocalServices, "tenancy law", "immigration paperwork"),
        new("translation", Field.LocalServices, "Finnish–English", "Somali–Finnish", "Swedish–English"),
        new("moving help", Field.LocalServices, "van available"),
        new("childminding", Field.LocalServices),
        new("dog walking", Field.LocalServices, "reactive dogs"),
        new("car mechanics", Field.LocalServices, "older diesels"),
        new("hairdressing", Field.LocalServices, "curly hair"),
        new("statistics", Field.Research, "survey design", "R"),
        new("epidemiology", Field.Research, "infectious disease"),
        new("marine biology", Field.Research, "Baltic Sea"),
        new("urban planning", Field.Research, "public transport", "housing"),
        new("qualitative interviews", Field.Research, "oral history"),
        new("grant writing", Field.Research, "EU programmes", "small foundations"),
        new("citizen science", Field.Research, "bird counts", "air quality sensors"),
        new("climate modelling", Field.Research, "regional downscaling"),
        new("community organizing", Field.CivicLife, "tenant associations", "neighbourhood councils"),
        new("facilitation", Field.CivicLife, "consensus meetings", "online workshops"),
        new("fundraising", Field.CivicLife, "crowdfunding"),
        new("local politics", Field.CivicLife, "city council"),
        new("volunteer coordination", Field.CivicLife, "food bank"),
        new("mediation", Field.CivicLife, "neighbour disputes"),
        new("event planning", Field.CivicLife, "street festivals"),
        new("journalism", Field.CivicLife, "local news"),
        new("open data", Field.CivicLife, "city budgets"),
        new("piloting", Field.Sea, "Helsinki harbour", "archipelago routes"),
        new("sailing", Field.Sea, "dinghy instruction", "offshore"),
        new("sea kayaking", Field.Sea, "winter paddling"),
        new("boat maintenance", Field.Sea, "wooden boats", "outboard engines"),
        new("navigation", Field.Sea, "paper charts"),
        new("swimming coaching", Field.Sea, "ice swimming", "adult beginners"),
    ];

    public static readonly Field[] Fields = Enum.GetValues<Field>();

    private static readonly Dictionary<Field, DemoTopic[]> ByField = Fields.ToDictionary(f => f, f => All.Where(t => t.Field == f).ToArray());

    public static DemoTopic[] In(Field field) => ByField[field];
}
