package demo

import "strings"

// department describes one department: its share of the company, the job
// roles of its individual contributors and the skills its people hold.
type department struct {
	Name   string
	Weight float64
	Roles  []string
	// Manager is the title of a first-line manager; Areas name the
	// sub-areas a "Head of" leads.
	Manager string
	Areas   []string
	Core    []string
}

var departments = []department{
	{"Engineering", 21, []string{"Software Engineer", "Backend Engineer", "Frontend Engineer", "Site Reliability Engineer", "Mobile Engineer", "QA Engineer", "Security Engineer"},
		"Engineering Manager", []string{"Platform", "Infrastructure", "Mobile", "Core Services"},
		[]string{"Go", "Python", "Java", "JavaScript", "TypeScript", "React", "Rust", "SQL", "PostgreSQL", "Kubernetes", "Docker", "AWS", "Terraform", "CI/CD", "System Design", "Distributed Systems", "Software Testing", "Application Security", "Observability", "Mobile Development", "Linux"}},
	{"Data", 9, []string{"Data Engineer", "Data Scientist", "Data Analyst", "Machine Learning Engineer", "Analytics Engineer"},
		"Data Science Manager", []string{"Analytics", "Data Platform", "Machine Learning"},
		[]string{"SQL", "Python", "Machine Learning", "Deep Learning", "Natural Language Processing", "Statistics", "Data Engineering", "Apache Spark", "dbt", "Data Visualization", "A/B Testing", "Power BI", "Tableau", "Generative AI"}},
	{"Product", 6, []string{"Product Manager", "Product Owner", "Technical Product Manager"},
		"Group Product Manager", []string{"Product Growth", "Core Product"},
		[]string{"Product Management", "Product Discovery", "Roadmapping", "User Research", "Agile", "OKRs", "A/B Testing", "Stakeholder Management", "SQL"}},
	{"Design", 5, []string{"Product Designer", "UX Researcher", "UX Writer", "Visual Designer"},
		"Design Manager", []string{"Design", "Research"},
		[]string{"UX Design", "UI Design", "Figma", "Prototyping", "Accessibility", "Design Systems", "User Research", "Storytelling"}},
	{"Sales", 13, []string{"Account Executive", "Sales Development Representative", "Solutions Consultant", "Account Manager"},
		"Sales Manager", []string{"Enterprise Sales", "Mid-Market Sales", "Sales Engineering"},
		[]string{"Negotiation", "Sales Prospecting", "Account Management", "Salesforce", "Solution Selling", "Public Speaking", "Storytelling"}},
	{"Marketing", 8, []string{"Marketing Specialist", "Content Marketer", "Growth Marketer", "Product Marketing Manager", "Brand Designer"},
		"Marketing Manager", []string{"Growth", "Brand", "Product Marketing"},
		[]string{"SEO", "Content Marketing", "Social Media", "Brand Strategy", "Marketing Analytics", "Copywriting", "Short-form Video", "A/B Testing"}},
	{"Finance", 7, []string{"Financial Analyst", "Accountant", "FP&A Analyst", "Payroll Specialist"},
		"Finance Manager", []string{"Financial Planning", "Accounting", "Treasury"},
		[]string{"Financial Modeling", "Budgeting & Forecasting", "Accounting", "Excel", "Risk Management", "Power BI", "Compliance"}},
	{"People", 6, []string{"HR Business Partner", "Recruiter", "Learning & Development Specialist", "People Operations Specialist"},
		"People Partner Manager", []string{"Talent", "People Operations", "Learning & Development"},
		[]string{"Recruiting", "Employee Relations", "Learning Design", "Compensation & Benefits", "Change Management", "Facilitation", "Coaching", "Hiring & Interviewing"}},
	{"Operations", 9, []string{"Operations Analyst", "Program Coordinator", "Supply Chain Analyst", "Procurement Specialist", "Workplace Coordinator"},
		"Operations Manager", []string{"Business Operations", "Supply Chain", "Workplace"},
		[]string{"Project Management", "Process Improvement", "Supply Chain", "Procurement", "Vendor Management", "Excel", "Change Management"}},
	{"Legal", 4, []string{"Legal Counsel", "Paralegal", "Compliance Analyst", "Privacy Analyst"},
		"Legal Manager", []string{"Commercial Legal", "Privacy & Compliance"},
		[]string{"Contract Law", "Data Privacy", "Compliance", "Risk Management", "Negotiation", "Business Writing"}},
	{"Customer Success", 12, []string{"Customer Success Manager", "Support Specialist", "Implementation Consultant", "Technical Support Engineer"},
		"Customer Success Team Manager", []string{"Customer Success", "Support", "Implementation"},
		[]string{"Customer Success", "Technical Support", "Customer Onboarding", "Account Management", "Conflict Resolution", "Salesforce", "SQL"}},
}

// title names a job that fits department d, seniority s and whether the
// person manages others; role is the person's individual-contributor role.
func title(d *department, role string, s int, manages bool, area string) string {
	switch s {
	case 1:
		return "Junior " + role
	case 2:
		return role
	case 3:
		if manages {
			return "Team Lead, " + area
		}
		return "Senior " + role
	case 4:
		if manages {
			return d.Manager
		}
		if d.Name == "Engineering" || d.Name == "Data" {
			return "Staff " + role
		}
		return "Lead " + role
	case 5:
		if manages {
			return "Senior " + d.Manager
		}
		return "Principal " + role
	case 6:
		return "Head of " + area
	case 7:
		return "Director of " + d.Name
	default:
		switch d.Name {
		case "Finance":
			return "Chief Financial Officer"
		case "People":
			return "Chief People Officer"
		case "Engineering":
			return "Chief Technology Officer"
		}
		return "VP " + d.Name
	}
}

// isTechnical reports whether a department's people mostly work hands-on with software.
func (d *department) isTechnical() bool {
	return d.Name == "Engineering" || d.Name == "Data"
}

func departmentByName(name string) *department {
	for i := range departments {
		if strings.EqualFold(departments[i].Name, name) {
			return &departments[i]
		}
	}
	return nil
}
