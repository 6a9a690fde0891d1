namespace Rapport.Core.Demo;

/// <summary>
/// Given and family names by naming tradition, so a generated person's name holds together
/// ("Aino Virtanen", not "Aino Nguyễn" every time). Family names here are not gendered, so any
/// given name fits. Diacritics are kept: handles are transliterated from them.
/// </summary>
internal static class DemoNames
{
    internal sealed record Tradition(string[] Given, string[] Family);

    public static readonly Tradition[] Traditions =
    [
        new(["Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Minna", "Otso", "Saara", "Tuomas", "Veera", "Ilmari"],
            ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen"]),
        new(["Astrid", "Elin", "Henrik", "Ingrid", "Johan", "Linnea", "Magnus", "Sigrid", "Oskar", "Freja", "Søren", "Ida"],
            ["Lindqvist", "Björk", "Sandberg", "Nyström", "Åberg", "Holm", "Sørensen", "Lund", "Dahl"]),
        new(["Alice", "Callum", "Eleanor", "Finn", "Grace", "Harry", "Isla", "Niamh", "Owen", "Rosie", "Siobhan", "Tom"],
            ["Armstrong", "Byrne", "Campbell", "Fletcher", "Hughes", "O'Connor", "MacLeod", "Whitaker", "Okoro-Smith"]),
        new(["Alejandro", "Camila", "Diego", "Elena", "Inés", "Javier", "Lucía", "Mateo", "Paloma", "Valentina", "Joaquín"],
            ["García", "Fernández", "Morales", "Rojas", "Navarro", "Castillo", "Herrera", "Ibáñez"]),
        new(["Beatriz", "Caio", "Gabriela", "João", "Larissa", "Rafael", "Thiago", "Mariana", "Letícia"],
            ["Silva", "Oliveira", "Souza", "Carvalho", "Pereira", "Gonçalves", "Ferreira"]),
        new(["Adebayo", "Chiamaka", "Chinedu", "Folake", "Ngozi", "Oluwaseun", "Tunde", "Adaeze", "Emeka", "Yetunde"],
            ["Adeyemi", "Okafor", "Obi", "Balogun", "Eze", "Okonkwo", "Afolabi"]),
        new(["Kwame", "Ama", "Kofi", "Akosua", "Yaw", "Efua", "Kwabena", "Abena"],
            ["Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Darko"]),
        new(["Wanjiru", "Otieno", "Amani", "Njeri", "Baraka", "Makena", "Kipchoge", "Achieng"],
            ["Kamau", "Odhiambo", "Mwangi", "Njoroge", "Wekesa", "Chebet"]),
        new(["Selam", "Dawit", "Tigist", "Yonas", "Hiwot", "Abebe", "Meron"],
            ["Tesfaye", "Haile", "Mekonnen", "Bekele", "Girma", "Alemu"]),
        new(["Hodan", "Abdi", "Faduma", "Liban", "Ayaan", "Mahad"],
            ["Warsame", "Farah", "Jama", "Abdullahi", "Osman"]),
        new(["Aarav", "Ananya", "Arjun", "Divya", "Ishaan", "Kavya", "Meera", "Rohan", "Priya", "Vikram", "Sanjana", "Nikhil"],
            ["Sharma", "Iyer", "Nair", "Patel", "Reddy", "Menon", "Chatterjee", "Kulkarni", "Desai"]),
        new(["Ayesha", "Bilal", "Farhan", "Nusrat", "Tahmina", "Imran", "Sadia"],
            ["Rahman", "Hossain", "Qureshi", "Chowdhury", "Malik"]),
        new(["Wei", "Mei", "Jun", "Xin", "Hao", "Yan", "Lei", "Ying", "Zihan", "Yutong"],
            ["Zhang", "Wang", "Chen", "Liu", "Huang", "Zhou", "Lin", "Wu"]),
        new(["Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Kenji", "Sakura", "Daiki", "Mio"],
            ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi"]),
        new(["Minjun", "Seoyeon", "Jiwoo", "Hyun-woo", "Soo-ah", "Jisoo", "Dohyun", "Eunji"],
            ["Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Han"]),
        new(["Linh", "Minh", "Thảo", "Huy", "Trang", "Quang", "Ngọc", "Phương"],
            ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"]),
        new(["Maria", "Jose", "Andrea", "Paolo", "Kristine", "Mark Anthony", "Rowena"],
            ["Santos", "Reyes", "Dela Cruz", "Bautista", "Mendoza", "Villanueva"]),
        new(["Omar", "Layla", "Yusuf", "Amira", "Karim", "Nour", "Hassan", "Rania", "Sami", "Salma"],
            ["Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Al-Amin", "Darwish", "Aziz"]),
        new(["Elif", "Emre", "Zeynep", "Mehmet", "Deniz", "Ayşe", "Can", "Selin"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk"]),
        new(["Darya", "Arash", "Shirin", "Kian", "Parisa", "Reza", "Nasrin"],
            ["Tehrani", "Rahimi", "Karimi", "Mohammadi", "Ahmadi", "Farahani"]),
        new(["Agnieszka", "Łukasz", "Katarzyna", "Paweł", "Zofia", "Marek", "Joanna"],
            ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając"]),
        new(["Olena", "Dmytro", "Oksana", "Andriy", "Natalia", "Taras", "Iryna"],
            ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk"]),
        new(["Kadri", "Mart", "Liis", "Tõnu", "Kertu", "Rasmus"],
            ["Tamm", "Saar", "Sepp", "Mägi", "Kask"]),
        new(["Anna", "Felix", "Johanna", "Lukas", "Greta", "Jonas", "Mia", "Matthias", "Lena"],
            ["Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Krüger"]),
        new(["Camille", "Étienne", "Chloé", "Hugo", "Léa", "Mathis", "Manon", "Baptiste", "Zoë"],
            ["Dubois", "Lefebvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine"]),
        new(["Giulia", "Marco", "Chiara", "Lorenzo", "Francesca", "Matteo", "Sofia", "Alessandro"],
            ["Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco"]),
        new(["Eleni", "Nikos", "Dimitra", "Giorgos", "Katerina", "Yannis"],
            ["Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou", "Dimitriou"]),
        new(["Aroha", "Tama", "Mere", "Wiremu", "Anahera"],
            ["Ngata", "Parata", "Tipene", "Horomona"]),
    ];

    /// <summary>A name from one tradition, or (one time in eight) given and family names from two, as in any city.</summary>
    public static (string Given, string Family) Pick(Random random)
    {
        var tradition = Traditions[random.Next(Traditions.Length)];
        var family = random.Next(8) == 0 ? Traditions[random.Next(Traditions.Length)] : tradition;
        return (tradition.Given[random.Next(tradition.Given.Length)], family.Family[random.Next(family.Family.Length)]);
    }
}
