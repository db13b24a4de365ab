package demo

import "strings"

// region is a naming tradition: first and last names that go together.
type region struct {
	first, last []string
}

var regions = map[string]region{
	"de": {
		first: []string{"Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie", "Paul", "Sophie", "Leon", "Hannah", "Maximilian", "Laura", "Tobias", "Katharina", "Jan", "Julia", "Moritz", "Clara", "Niklas", "Johanna"},
		last:  []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann"},
	},
	"uk": {
		first: []string{"Oliver", "Amelia", "Harry", "Olivia", "George", "Isla", "Jack", "Emily", "Charlie", "Poppy", "Thomas", "Grace", "James", "Freya", "William", "Imogen", "Alfie", "Eleanor", "Samuel", "Niamh"},
		last:  []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke", "O'Brien"},
	},
	"us": {
		first: []string{"Michael", "Jessica", "Christopher", "Ashley", "Daniel", "Sarah", "Matthew", "Jennifer", "Andrew", "Megan", "Joshua", "Rachel", "Tyler", "Brittany", "Ryan", "Keisha", "DeShawn", "Tiana", "Marcus", "Lauren"},
		last:  []string{"Johnson", "Williams", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "Harris", "Clark", "Lewis", "Young", "Allen", "King", "Nguyen", "Washington", "Cohen", "Murphy", "Rivera"},
	},
	"br": {
		first: []string{"João", "Maria", "Pedro", "Ana", "Lucas", "Juliana", "Gabriel", "Beatriz", "Rafael", "Camila", "Thiago", "Larissa", "Matheus", "Fernanda", "Gustavo", "Mariana", "Felipe", "Letícia", "Bruno", "Carolina"},
		last:  []string{"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa"},
	},
	"in": {
		first: []string{"Aarav", "Priya", "Arjun", "Ananya", "Rohan", "Divya", "Vikram", "Sneha", "Rahul", "Kavya", "Aditya", "Pooja", "Karthik", "Meera", "Siddharth", "Lakshmi", "Nikhil", "Ishita", "Varun", "Deepika"},
		last:  []string{"Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Kumar", "Singh", "Rao", "Menon", "Krishnan", "Mehta", "Joshi", "Desai", "Chatterjee", "Banerjee", "Pillai", "Verma", "Agarwal", "Kapoor"},
	},
	"sg": {
		first: []string{"Wei Ling", "Jun Jie", "Xin Yi", "Jia Hao", "Mei Ling", "Zhi Hao", "Shu Fen", "Kai Wen", "Li Ting", "Wei Jie", "Hui Min", "Yong Sheng", "Jia Yi", "Ming", "Rachel", "Daniel"},
		last:  []string{"Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh", "Teo", "Ang", "Yeo", "Tay", "Ho", "Chong"},
	},
	"es": {
		first: []string{"Alejandro", "Lucía", "Pablo", "María", "Javier", "Carmen", "Daniel", "Elena", "Sergio", "Paula", "David", "Marta", "Adrián", "Irene", "Álvaro", "Nuria", "Diego", "Sara", "Carlos", "Inés"},
		last:  []string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez"},
	},
	"fr": {
		first: []string{"Louis", "Chloé", "Hugo", "Léa", "Arthur", "Manon", "Jules", "Camille", "Nathan", "Inès", "Théo", "Sarah", "Antoine", "Pauline", "Maxime", "Élodie"},
		last:  []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Fournier", "Girard"},
	},
	"pl": {
		first: []string{"Jakub", "Zuzanna", "Kacper", "Julia", "Szymon", "Maja", "Mateusz", "Aleksandra", "Michał", "Natalia", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł", "Agnieszka"},
		last:  []string{"Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Wróbel", "Pawlak", "Michalak", "Sikora", "Baran", "Duda"},
	},
	"ng": {
		first: []string{"Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Tunde", "Chiamaka", "Obinna", "Yetunde", "Ifeanyi", "Folake", "Babajide", "Amaka", "Segun", "Temitope"},
		last:  []string{"Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Nwosu", "Ogunleye", "Obi", "Olawale", "Chukwu", "Afolabi", "Onyeka", "Bello", "Okoro", "Adewale"},
	},
	"ke": {
		first: []string{"Wanjiru", "Brian", "Achieng", "Kevin", "Njeri", "Dennis", "Akinyi", "Collins", "Wambui", "Victor", "Atieno", "Moses", "Nyambura", "Samuel", "Mumbi", "Elijah"},
		last:  []string{"Kamau", "Otieno", "Mwangi", "Ochieng", "Njoroge", "Kiprono", "Wafula", "Mutua", "Kariuki", "Omondi", "Chebet", "Kimani", "Wanyama", "Odhiambo", "Karanja", "Muthoni"},
	},
	"jp": {
		first: []string{"Haruto", "Yui", "Sota", "Hina", "Ren", "Sakura", "Yuto", "Aoi", "Kenji", "Yuki", "Takumi", "Mei", "Daiki", "Rin", "Shota", "Nanami"},
		last:  []string{"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura"},
	},
}

// regionNames lists the keys of regions in a fixed order (maps iterate randomly).
var regionNames = []string{"de", "uk", "us", "br", "in", "sg", "es", "fr", "pl", "ng", "ke", "jp"}

// office is a place people work from, with its time zone and the languages
// people there tend to speak besides English.
type office struct {
	Location, TimeZone, Region string
	Languages                  []string
	// NoEnglish is the share of local people who do not work in English.
	NoEnglish float64
	Weight    float64
}

var offices = []office{
	{"Berlin, Germany", "Europe/Berlin", "de", []string{"German"}, 0.02, 18},
	{"London, United Kingdom", "Europe/London", "uk", nil, 0, 14},
	{"New York, United States", "America/New_York", "us", []string{"Spanish"}, 0, 11},
	{"San Francisco, United States", "America/Los_Angeles", "us", nil, 0, 5},
	{"São Paulo, Brazil", "America/Sao_Paulo", "br", []string{"Portuguese"}, 0.1, 8},
	{"Bengaluru, India", "Asia/Kolkata", "in", []string{"Hindi", "Kannada"}, 0, 12},
	{"Singapore", "Asia/Singapore", "sg", []string{"Mandarin", "Malay"}, 0, 6},
	{"Madrid, Spain", "Europe/Madrid", "es", []string{"Spanish"}, 0.08, 5},
	{"Paris, France", "Europe/Paris", "fr", []string{"French"}, 0.05, 4},
	{"Warsaw, Poland", "Europe/Warsaw", "pl", []string{"Polish"}, 0.03, 5},
	{"Lagos, Nigeria", "Africa/Lagos", "ng", []string{"Yoruba", "Igbo"}, 0, 3},
	{"Nairobi, Kenya", "Africa/Nairobi", "ke", []string{"Swahili"}, 0, 3},
	{"Tokyo, Japan", "Asia/Tokyo", "jp", []string{"Japanese"}, 0.25, 3},
	{"Sydney, Australia", "Australia/Sydney", "uk", nil, 0, 3},
}

// secondLanguages are languages people pick up anywhere.
var secondLanguages = []string{"Spanish", "French", "German", "Portuguese", "Mandarin", "Arabic", "Italian", "Dutch"}

// fold maps a name to the lower-case ASCII form used in e-mail addresses:
// accents dropped, spaces and apostrophes removed ("João" -> "joao",
// "Wei Ling" -> "weiling", "O'Brien" -> "obrien").
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == 'ß':
			b.WriteString("ss")
		default:
			if a, ok := asciiOf[r]; ok {
				b.WriteRune(a)
			}
		}
	}
	return b.String()
}

var asciiOf = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'ą': 'a', 'ç': 'c', 'ć': 'c', 'è': 'e', 'é': 'e', 'ê': 'e',
	'ë': 'e', 'ę': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ł': 'l', 'ñ': 'n', 'ń': 'n', 'ò': 'o', 'ó': 'o',
	'ô': 'o', 'õ': 'o', 'ö': 'o', 'ś': 's', 'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ź': 'z', 'ż': 'z',
}
