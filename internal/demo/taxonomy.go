package demo

import "github.com/mentormesh/mentormesh/internal/mentor"

// Skill categories of the taxonomy.
const (
	catEngineering = "Engineering"
	catData        = "Data & AI"
	catProduct     = "Product & Design"
	catBusiness    = "Business"
	catPeople      = "People & Operations"
	catLeadership  = "Leadership"
	catDigital     = "Digital Fluency"
)

// taxonomy is the skill list: name, category, aliases. Names and aliases are
// unique case-insensitively across the whole list.
var taxonomy = []mentor.Skill{
	{Name: "Go", Category: catEngineering, Aliases: []string{"golang"}},
	{Name: "Python", Category: catEngineering, Aliases: []string{"py"}},
	{Name: "Java", Category: catEngineering},
	{Name: "JavaScript", Category: catEngineering, Aliases: []string{"js", "ECMAScript"}},
	{Name: "TypeScript", Category: catEngineering, Aliases: []string{"ts"}},
	{Name: "React", Category: catEngineering, Aliases: []string{"React.js", "ReactJS"}},
	{Name: "Rust", Category: catEngineering, Aliases: []string{"rustlang"}},
	{Name: "SQL", Category: catEngineering, Aliases: []string{"Structured Query Language"}},
	{Name: "PostgreSQL", Category: catEngineering, Aliases: []string{"Postgres"}},
	{Name: "Kubernetes", Category: catEngineering, Aliases: []string{"k8s"}},
	{Name: "Docker", Category: catEngineering, Aliases: []string{"Containers"}},
	{Name: "AWS", Category: catEngineering, Aliases: []string{"Amazon Web Services"}},
	{Name: "Terraform", Category: catEngineering, Aliases: []string{"Infrastructure as Code", "IaC"}},
	{Name: "CI/CD", Category: catEngineering, Aliases: []string{"Continuous Integration", "Continuous Delivery"}},
	{Name: "System Design", Category: catEngineering, Aliases: []string{"Software Architecture"}},
	{Name: "Distributed Systems", Category: catEngineering},
	{Name: "Software Testing", Category: catEngineering, Aliases: []string{"QA", "Test Automation"}},
	{Name: "Application Security", Category: catEngineering, Aliases: []string{"AppSec"}},
	{Name: "Observability", Category: catEngineering, Aliases: []string{"Monitoring"}},
	{Name: "Mobile Development", Category: catEngineering, Aliases: []string{"iOS", "Android"}},
	{Name: "Linux", Category: catEngineering},

	{Name: "Machine Learning", Category: catData, Aliases: []string{"ML"}},
	{Name: "Deep Learning", Category: catData, Aliases: []string{"DL"}},
	{Name: "Natural Language Processing", Category: catData, Aliases: []string{"NLP"}},
	{Name: "Statistics", Category: catData, Aliases: []string{"Stats"}},
	{Name: "Data Engineering", Category: catData, Aliases: []string{"ETL", "Data Pipelines"}},
	{Name: "Apache Spark", Category: catData, Aliases: []string{"Spark", "PySpark"}},
	{Name: "dbt", Category: catData, Aliases: []string{"data build tool"}},
	{Name: "Data Visualization", Category: catData, Aliases: []string{"DataViz", "Dashboards"}},
	{Name: "A/B Testing", Category: catData, Aliases: []string{"Experimentation", "Split Testing"}},
	{Name: "Power BI", Category: catData, Aliases: []string{"PowerBI"}},
	{Name: "Tableau", Category: catData},
	{Name: "Excel", Category: catData, Aliases: []string{"Microsoft Excel", "Spreadsheets"}},

	{Name: "Product Management", Category: catProduct, Aliases: []string{"PM"}},
	{Name: "Product Discovery", Category: catProduct},
	{Name: "Roadmapping", Category: catProduct, Aliases: []string{"Product Roadmaps"}},
	{Name: "User Research", Category: catProduct, Aliases: []string{"UX Research"}},
	{Name: "Agile", Category: catProduct, Aliases: []string{"Scrum", "Kanban"}},
	{Name: "OKRs", Category: catProduct, Aliases: []string{"Objectives and Key Results"}},
	{Name: "UX Design", Category: catProduct, Aliases: []string{"User Experience", "UX"}},
	{Name: "UI Design", Category: catProduct, Aliases: []string{"User Interface Design", "Visual Design"}},
	{Name: "Figma", Category: catProduct},
	{Name: "Prototyping", Category: catProduct},
	{Name: "Accessibility", Category: catProduct, Aliases: []string{"a11y", "WCAG"}},
	{Name: "Design Systems", Category: catProduct},

	{Name: "Negotiation", Category: catBusiness},
	{Name: "Sales Prospecting", Category: catBusiness, Aliases: []string{"Prospecting", "Lead Generation"}},
	{Name: "Account Management", Category: catBusiness, Aliases: []string{"Key Account Management"}},
	{Name: "Salesforce", Category: catBusiness, Aliases: []string{"SFDC", "CRM"}},
	{Name: "Solution Selling", Category: catBusiness, Aliases: []string{"Consultative Selling"}},
	{Name: "SEO", Category: catBusiness, Aliases: []string{"Search Engine Optimization"}},
	{Name: "Content Marketing", Category: catBusiness},
	{Name: "Brand Strategy", Category: catBusiness, Aliases: []string{"Branding"}},
	{Name: "Marketing Analytics", Category: catBusiness},
	{Name: "Copywriting", Category: catBusiness},
	{Name: "Financial Modeling", Category: catBusiness, Aliases: []string{"Financial Modelling"}},
	{Name: "Budgeting & Forecasting", Category: catBusiness, Aliases: []string{"Budgeting", "FP&A", "Forecasting"}},
	{Name: "Accounting", Category: catBusiness, Aliases: []string{"Bookkeeping"}},
	{Name: "Risk Management", Category: catBusiness},
	{Name: "Contract Law", Category: catBusiness, Aliases: []string{"Contracts", "Contract Drafting"}},
	{Name: "Data Privacy", Category: catBusiness, Aliases: []string{"GDPR", "Privacy"}},
	{Name: "Compliance", Category: catBusiness, Aliases: []string{"Regulatory Compliance"}},
	{Name: "Customer Success", Category: catBusiness, Aliases: []string{"CS"}},
	{Name: "Technical Support", Category: catBusiness, Aliases: []string{"Customer Support", "Helpdesk"}},
	{Name: "Customer Onboarding", Category: catBusiness},

	{Name: "Recruiting", Category: catPeople, Aliases: []string{"Talent Acquisition", "Recruitment"}},
	{Name: "Employee Relations", Category: catPeople},
	{Name: "Learning Design", Category: catPeople, Aliases: []string{"Instructional Design", "L&D"}},
	{Name: "Compensation & Benefits", Category: catPeople, Aliases: []string{"Total Rewards"}},
	{Name: "Change Management", Category: catPeople},
	{Name: "Facilitation", Category: catPeople, Aliases: []string{"Workshop Facilitation"}},
	{Name: "Project Management", Category: catPeople, Aliases: []string{"PMP"}},
	{Name: "Process Improvement", Category: catPeople, Aliases: []string{"Lean", "Six Sigma"}},
	{Name: "Supply Chain", Category: catPeople, Aliases: []string{"Logistics"}},
	{Name: "Procurement", Category: catPeople, Aliases: []string{"Purchasing"}},
	{Name: "Vendor Management", Category: catPeople},

	{Name: "People Management", Category: catLeadership, Aliases: []string{"Line Management", "Managing People"}},
	{Name: "Coaching", Category: catLeadership},
	{Name: "Giving Feedback", Category: catLeadership, Aliases: []string{"Feedback"}},
	{Name: "Public Speaking", Category: catLeadership, Aliases: []string{"Presenting", "Presentation Skills"}},
	{Name: "Stakeholder Management", Category: catLeadership},
	{Name: "Strategic Thinking", Category: catLeadership, Aliases: []string{"Strategy"}},
	{Name: "Conflict Resolution", Category: catLeadership},
	{Name: "Hiring & Interviewing", Category: catLeadership, Aliases: []string{"Interviewing"}},
	{Name: "Delegation", Category: catLeadership},
	{Name: "Time Management", Category: catLeadership, Aliases: []string{"Prioritization"}},
	{Name: "Career Development", Category: catLeadership, Aliases: []string{"Career Planning"}},
	{Name: "Business Writing", Category: catLeadership, Aliases: []string{"Writing"}},
	{Name: "Executive Presence", Category: catLeadership},
	{Name: "Storytelling", Category: catLeadership},
	{Name: "Emotional Intelligence", Category: catLeadership, Aliases: []string{"EQ"}},

	{Name: "Generative AI", Category: catDigital, Aliases: []string{"GenAI", "LLMs"}},
	{Name: "Prompt Engineering", Category: catDigital},
	{Name: "Social Media", Category: catDigital, Aliases: []string{"Social Media Marketing", "SMM"}},
	{Name: "Short-form Video", Category: catDigital, Aliases: []string{"Video Editing"}},
	{Name: "No-Code Automation", Category: catDigital, Aliases: []string{"Zapier", "Low-Code"}},
	{Name: "Collaboration Tools", Category: catDigital, Aliases: []string{"Notion", "Slack", "Remote Collaboration"}},
	{Name: "Cybersecurity Awareness", Category: catDigital, Aliases: []string{"Security Awareness"}},
}

// Skill groups used when people are given skills.
var (
	leadershipSkills = []string{"People Management", "Coaching", "Giving Feedback", "Public Speaking", "Stakeholder Management",
		"Strategic Thinking", "Conflict Resolution", "Hiring & Interviewing", "Delegation", "Time Management",
		"Career Development", "Business Writing", "Executive Presence", "Storytelling", "Emotional Intelligence", "Negotiation"}
	// earlyCareerWants are what juniors most often want to learn.
	earlyCareerWants = []string{"Public Speaking", "Giving Feedback", "Stakeholder Management", "Career Development",
		"Time Management", "Business Writing", "Storytelling", "Negotiation", "Executive Presence"}
	// midCareerWants are what new and aspiring managers want.
	midCareerWants = []string{"People Management", "Coaching", "Strategic Thinking", "Delegation", "Conflict Resolution",
		"Hiring & Interviewing", "Executive Presence", "Emotional Intelligence", "Change Management"}
	// digitalSkills are what juniors teach seniors in reverse mentoring.
	digitalSkills = []string{"Generative AI", "Prompt Engineering", "Social Media", "Short-form Video", "No-Code Automation",
		"Collaboration Tools", "Cybersecurity Awareness", "Data Visualization"}
	// crossSkills are department skills people elsewhere often want.
	crossSkills = []string{"SQL", "Python", "Data Visualization", "Product Management", "UX Design", "Figma", "Negotiation",
		"Financial Modeling", "Marketing Analytics", "Project Management", "Excel", "Machine Learning", "A/B Testing",
		"User Research", "Budgeting & Forecasting", "Agile", "Storytelling", "Data Privacy"}
)
