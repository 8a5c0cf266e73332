// Hand-made label spec: surfaces (all occurrences unless excluded by context) and figures (exact expression, occurrence).
export const PERSON_ORG = {
  '000': [['org','Room 39','Office 39'],['org','United States Department of State','U.S. Department of State'],['org','U.S. Department of State','U.S. Department of State'],['org','U.S. State Department','U.S. Department of State'],['org','U.S. Dep’t of State','U.S. Department of State'],['org','State Department','U.S. Department of State'],['org','Department of State','U.S. Department of State']],
  '001': [['org','Bureau 39','Office 39'],['org','Korean Workers Party Central Committee','KWP Central Committee'],['person','Kim Jong Un','Kim Jong Un'],['person','Jon Il-chun','Jon Il-chun']],
  '002': [['person','Kim Jong-Un','Kim Jong Un'],['person','Kim Jong Il','Kim Jong Il'],['person','Kim Jong-il','Kim Jong Il'],
          ['org','National Security Agency','Ministry of State Security'],['org','Ministry of National Security','Ministry of State Security'],['org','Ministry of People’s Security','Ministry of People’s Security'],
          ['org','MPS','Ministry of People’s Security'],['org','Ministry for People’s Security','Ministry of People’s Security'],['org','Korean People’s Army','Korean People’s Army'],
          ['org','Korean Workers’ Party','Workers’ Party of Korea'],['org','Cuckoo Electronics','Cuckoo Electronics'],['org','United States Department of State','U.S. Department of State'],['org','U.S. Department of State','U.S. Department of State'],['org','U.S. State Department','U.S. Department of State'],['org','U.S. Dep’t of State','U.S. Department of State'],['org','State Department','U.S. Department of State'],['org','Department of State','U.S. Department of State'],['org','U.N. Security Council','UN Security Council'],['org','Security Council','UN Security Council'],['org','State Dep’t','U.S. Department of State'],['person','Luis de Baca','Luis de Baca'],['person','De Baca','Luis de Baca'],['person','Baca','Luis de Baca'],['person','Datuk Seri Wan Junaidi Tuanku Jaafar','Wan Junaidi Tuanku Jaafar'],['person','Wan Junaidi','Wan Junaidi Tuanku Jaafar'],['org','European Alliance for Human Rights in North Korea','EAHRNK'],['org','Hyemyung Inn','Hyemyung Inn']],
  '003': [['person','Jong Yong Su','Jong Yong Su'],['org','United States Department of State','U.S. Department of State'],['org','U.S. Department of State','U.S. Department of State'],['org','U.S. State Department','U.S. Department of State'],['org','U.S. Dep’t of State','U.S. Department of State'],['org','State Department','U.S. Department of State'],['org','Department of State','U.S. Department of State'],['org','U.S. Treasury Department','U.S. Treasury'],['org','U.S. Treasury Dep’t','U.S. Treasury'],['org','U.S. Treasury','U.S. Treasury'],['org','Treasury Department','U.S. Treasury'],['org','Treasury','U.S. Treasury'],['org','OFAC','U.S. Treasury'],['org','Office of Foreign Assets Control','U.S. Treasury']],
  '004': [['person','Kim Jong Un','Kim Jong Un'],['person','Kim Jong-Un','Kim Jong Un'],['person','Kim Jong-un','Kim Jong Un'],['person','Kim Jong-il','Kim Jong Il'],
          ['person','Kim Won Hong','Kim Won Hong'],['person','Kim Won-hong','Kim Won Hong'],['person','Kim Wong Hong','Kim Won Hong'],['person','Thae Yong-ho','Thae Yong Ho'],['person','Thae','Thae Yong Ho'],
          ['person','Jo Yong-won','Jo Yong Won'],['person','Jo','Jo Yong Won'],['person','Kim Il-nam','Kim Il Nam'],['person','Kim Il-Nam','Kim Il Nam'],['person','Kim Yo-jong','Kim Yo Jong'],['person','Choe Hwi','Choe Hwi'],
          ['person','Min Byong-chol','Min Byong Chol'],['person','Kang P’il-hun','Kang Pil Hun'],['person','Kim Ki-nam','Kim Ki Nam'],['person','Choe Ryong-hae','Choe Ryong Hae'],['person','Ri Su-yong','Ri Su Yong'],
          ['org','Ministry of State Security','Ministry of State Security'],['org','MSS','Ministry of State Security'],['org','State Security Department','Ministry of State Security'],['org','SSD','Ministry of State Security'],
          ['org','Daesung General Bureau','Daesung General Bureau'],['org','Ministry of Foreign Trade','Ministry of Foreign Trade'],['org','Propaganda and Agitation Department','Propaganda and Agitation Department'],['org','PAD','Propaganda and Agitation Department'],
          ['org','Ministry of People’s Security','Ministry of People’s Security'],['org','MPS','Ministry of People’s Security'],['org','Organization and Guidance Department','Organization and Guidance Department'],['org','OGD','Organization and Guidance Department'],
          ['org','Workers’ Party of Korea','Workers’ Party of Korea'],['org','Workers’ Party','Workers’ Party of Korea'],['org','Worker’s Party','Workers’ Party of Korea'],['org','Korean Workers’ Party','Workers’ Party of Korea'],
          ['org','National Defense Commission','National Defense Commission'],['org','NDC','National Defense Commission'],['org','State Planning Commission','State Planning Commission'],['org','Ministry of Labor','Ministry of Labour'],
          ['org','Mansudae Overseas Project Group of Companies','Mansudae Overseas Project Group of Companies'],['org','Mansudae Overseas Project Group','Mansudae Overseas Project Group of Companies'],['org','Mansudae','Mansudae Overseas Project Group of Companies'],
          ['org','KOMID','KOMID'],['org','Korea General Corporation for External Construction','Korea General Corporation for External Construction'],['org','Namgang Construction','Namgang Construction'],
          ['org','Korea Rungrado General Trading Corporation','Korea Rungrado General Trading Corporation'],['org','Munitions Industry Department','Munitions Industry Department'],['org','DPRK Chamber of Commerce','DPRK Chamber of Commerce'],
          ['org','Rite Mix','Rite Mix'],['org','Leisure Clothing','Leisure Clothing'],['org','United States Department of State','U.S. Department of State'],['org','U.S. Department of State','U.S. Department of State'],['org','U.S. State Department','U.S. Department of State'],['org','U.S. Dep’t of State','U.S. Department of State'],['org','State Department','U.S. Department of State'],['org','Department of State','U.S. Department of State'],['org','U.S. Treasury Department','U.S. Treasury'],['org','U.S. Treasury Dep’t','U.S. Treasury'],['org','U.S. Treasury','U.S. Treasury'],['org','Treasury Department','U.S. Treasury'],['org','Treasury','U.S. Treasury'],['org','OFAC','U.S. Treasury'],['org','U.N. Security Council','UN Security Council'],['org','Security Council','UN Security Council'],['person','Rex Tillerson','Rex Tillerson'],['person','Tillerson','Rex Tillerson'],['person','Datuk Seri Mustafar Ali','Mustafar Ali'],['person','Ali','Mustafar Ali'],['org','Immigration Department','Immigration Department of Malaysia'],['org','Old Mutual','Old Mutual'],['org','Office of Foreign Assets Control','U.S. Treasury'],['org','Leiden Asia Center','Leiden Asia Center'],['org','LAC','Leiden Asia Center'],['org','Government of North Korea','Government of North Korea']],
};
// Lone "Kim" meaning Kim Won-hong in 004 (context strings that pin each occurrence).
export const EXTRA_004 = [['person','Kim’s status','Kim'],['person','Kim plays','Kim'],['person','Kim was done in','Kim'],['person','report of Kim’s dismissal','Kim'],['person','General Kim','Kim']];

export const LEGAL = {
  '002': [['UNSCR 2094','UNSCR 2094'],['UNSCR 1718','UNSCR 1718'],['North Korea Refugee Adoption Act','North Korea Refugee Adoption Act']],
  '003': [['UN Refugee Convention','Refugee Convention']],
  '004': [['Trafficking Victims Protection Act','TVPA'],['TVPA','TVPA'],['KIMS Act','KIMS Act'],['U.N. Refugee Convention','Refugee Convention'],['A/HRC/34/L.14','A/HRC/34/L.14'],['Charter of the United Nations','UN Charter'],
          ['Disability Convention','Convention on the Rights of Persons with Disabilities'],['U.N. Convention on the Rights of the Child','Convention on the Rights of the Child'],['North Korea Sanctions Act','NKSPEA'],
          ['section 304 of the NKSPEA','NKSPEA §304'],['Executive Order 13687','EO 13687'],['Executive Order 13722','EO 13722'],['E.O. 13687','EO 13687'],['E.O. 13722','EO 13722'],['EO 13687','EO 13687'],['EO 13722','EO 13722'],
          ['NKSPEA','NKSPEA'],['Vienna Convention','Vienna Convention on Diplomatic Relations'],['UNSCR 2321','UNSCR 2321'],['UNSCR 2270','UNSCR 2270'],['E.O. 13382','EO 13382'],
          ['section 104(a) of the North Korea Sanctions and Policy Enhancement Act','NKSPEA §104(a)'],['Gardner-Menendez North Korea Sanctions and Policy Enhancement Act','NKSPEA']],
};
// Country words that are part of another proper name, by [surface, text right around it].
export const COUNTRY_EXCLUDE = {
  '002': [['North Korea','Committee for Human Rights in North Korea'],['North Korean','Abductees and North Korean Refugees'],['Washington','Washington Post'],
          ['China','Commission on China'],['North Korea','North Korea Refugee Adoption Act'],['North Korea','Justice for North Korea'],['London','London Telegraph'],['North Korea','North Korea Freedom Week'],
          ['U.S.','U.S. Committee on Human Rights'],['North Korea','Committee on Human Rights in North Korea'],['N. Korea','Open Radio for N. Korea'],['America','Voice of America'],['North Korean','North Korean Freedom Coalition']],
  '004': [['Washington','Washington Post'],['North Korean','Envoy for North Korean Human Rights'],['American','American Enterprise Institute'],['North Korea','Committee for Human Rights in North Korea'],['North Korea','North Korea Sanctions Act'],
          ['DPRK','Human Rights in DPRK'],['DPRK','DPRK Chamber of Commerce'],['North Korea','North Korea Sanctions and Policy'],['N. Korean','Humanity in N. Korean Political'],['North Korean','Humanity in North Korean Political'],
          ['Rwanda','Tribunal for Rwanda'],['Democratic People’s Republic of Korea','Democratic People’s Republic of Korea (“COI”)'],['Washington','Washington Quarterly'],['Pyongyang','Aquariums of Pyongyang'],
          ['US','US$9'],['US','US $300'],['Republic of Korea','People’s Republic of Korea']],
};
// Figures: [kind, exact expression, occurrence (1-based), low, high, unit, qualifier, country, of?]
export const FIGURES = {
  '000': [['money','$1 billion',1,1e9,1e9,'USD','exact',null],['worker_count','tens of thousands',1,1e4,1e5,'persons','order_of_magnitude',null]],
  '001': [['worker_count','more than 50,000 North Koreans',1,50000,null,'persons','at_least',null],['share','95 percent',1,0.95,0.95,'fraction','exact',null]],
  '002': [['money','40,000 to 50,000 KPW',1,40000,50000,'KPW','range','KP'],['money','5-6 USD',1,5,6,'USD','range','KP'],['money','20,000 to 30,000 KPW',1,20000,30000,'KPW','range','KP'],['money','2.5-3.7 USD',1,2.5,3.7,'USD','range','KP'],
          ['share','30 percent',1,0.3,0.3,'fraction','exact','KP'],['money','at least 10,000 KPW',1,10000,null,'KPW','at_least','KP'],['money','1.2 USD',1,1.2,1.2,'USD','exact','KP'],['money','15 North Korean chon',1,0.15,0.15,'KPW','exact','KP'],
          ['money','30,000 KPW',2,30000,30000,'KPW','exact','KP'],['worker_count','Forty-nine of the 119 foreign workers',1,49,49,'persons','part_of','MY',119],['worker_count','as many as 65,000 North Koreans',1,null,65000,'persons','at_most',null],
          ['share','zero to 15%',1,0,0.15,'fraction','range',null],['worker_count','as many as 3,000 North Koreans',1,null,3000,'persons','at_most','QA'],['money','$50 million',1,5e7,5e7,'USD','exact','KP'],['money','$10 million',1,1e7,1e7,'USD','exact','KP'],
          ['worker_count','30,000',['hand-picked 30,000'],30000,30000,'persons','exact','KP'],
          ['money','50,000 won (South Korean)',1,50000,50000,'KRW','exact',null],['money','220,000 won',1,220000,220000,'KRW','exact',null],['money','100,000 won',1,100000,100000,'KRW','exact',null],['money','500,000 won',1,500000,500000,'KRW','exact',null],
          ['money','2 million won',1,2e6,2e6,'KRW','exact',null],['share','30 percent',2,0.3,0.3,'fraction','exact',null],['money','600,000 won',1,600000,600000,'KRW','exact',null],['money','4,000 yuan',1,4000,4000,'CNY','approximate',null],
          ['money','10,000 to 15,000 North Korean won',1,10000,15000,'KPW','range','KP'],['money','4,000 won',1,4000,4000,'KPW','exact','KP'],['share','40:60 or 50:50',1,0.4,0.5,'fraction','range','KP'],
          ['money','20,000 won',1,20000,20000,'KPW','approximate','KP'],['money','40,000 won',1,40000,40000,'KPW','exact','KP'],['money','20,000 yuan',1,20000,20000,'CNY','exact','CN'],['money','W4 million',1,4e6,4e6,'KRW','approximate','CN'],['money','$585',1,585,585,'USD','exact','CN']],
  '003': [['share','Three of every four',1,0.75,0.75,'fraction','exact',null],['share','90 percent',1,0.9,0.9,'fraction','exact',null],['worker_count','between 50,000 and 60,000 North Korean workers',1,50000,60000,'persons','range',null],
          ['worker_count','400,000 dolgyeokdae',1,400000,400000,'persons','approximate','KP'],['money','close to $1 billion',1,1e9,1e9,'USD','approximate','KP'],['worker_count','between 50,000 and 60,000 North Korean workers',2,50000,60000,'persons','range',null],
          ['share','the majority',1,0.5,null,'fraction','at_least',null],['money','more than $350 million to as much as $2.3 billion',1,3.5e8,2.3e9,'USD','range',null]],
  '004': [['worker_count','52,000-80,000 North Korean citizens',1,52000,80000,'persons','range',null],['money','hundreds of millions of dollars',1,1e8,1e9,'USD','order_of_magnitude',null],['share','a fraction',1,null,null,'fraction','order_of_magnitude','MY'],
          ['worker_count','140 of 176 North Korean workers',1,140,140,'persons','part_of','MY',176],['worker_count','the 140',1,140,140,'persons','exact','MY'],['worker_count','117 North Koreans',1,117,117,'persons','exact','MY'],['worker_count','117 North Koreans',2,117,117,'persons','exact','MY'],
          ['worker_count','49 North Koreans',1,49,49,'persons','exact','MY'],['worker_count','at least 49 North Koreans',1,49,null,'persons','at_least','MY'],['money','5,000 KPW',1,5000,5000,'KPW','exact','KP'],['money','about US$9 million',1,9e6,9e6,'USD','approximate','KP'],
          ['share','about 40%',1,0.4,0.4,'fraction','approximate','RU'],['share','the majority',1,0.5,null,'fraction','at_least','RU'],['worker_count','20 North Korean workers',1,20,20,'persons','exact','MT'],['worker_count','about 15 North Koreans',1,15,15,'persons','approximate','MT'],
          ['share','one third',1,1/3,1/3,'fraction','exact','MT'],['money','US $300',1,300,300,'USD','exact','RU'],['money','$10,000',1,10000,10000,'USD','exact','RU'],['money','at least $5,000',1,5000,null,'USD','at_least','RU'],['money','$70-$80',1,70,80,'USD','range','RU'],
          ['share','40%',2,0.4,0.4,'fraction','exact','RU'],['share','20%',1,0.2,0.2,'fraction','exact','RU'],['share','15%',1,0.15,0.15,'fraction','exact','RU'],['share','25%',1,0.25,0.25,'fraction','exact','RU'],['share','a fraction',2,null,null,'fraction','order_of_magnitude',null]],
};

// What each share is a share of (read by hand, issue 17): `${text}#${occurrence}` → wages | workforce | revenue | other.
export const SHARE_OF = {
  '001': { '95 percent#1': 'wages' },
  '002': { '30 percent#1': 'revenue', 'zero to 15%#1': 'wages', '30 percent#2': 'revenue', '40:60 or 50:50#1': 'revenue' },
  '003': { 'Three of every four#1': 'other', '90 percent#1': 'other', 'the majority#1': 'wages' },
  '004': { 'a fraction#1': 'wages', 'about 40%#1': 'workforce', 'the majority#1': 'workforce', 'one third#1': 'wages', '40%#2': 'wages', '20%#1': 'wages', '15%#1': 'wages', '25%#1': 'wages', 'a fraction#2': 'wages' },
};

// Host countries of each seed, per document (read by hand, issue 17): where the text says North Korean workers are, were or
// will be sent, employed or found. Seed 002 names 18 countries from a report on forced labour plus Thailand, Laos and the
// Czech Republic (no labour contract since 2007); seed 004 the countries where Mansudae, designated for exporting workers,
// conducts business, and the places named for workers, restaurants and shipyards. Roles of single mentions are not labelled here.
export const HOSTS = {
  '000': ['RU'],
  '001': ['CN', 'RU'],
  '002': ['AE', 'AO', 'CN', 'CZ', 'DZ', 'ET', 'GQ', 'KW', 'LA', 'LY', 'MM', 'MN', 'MT', 'MY', 'NG', 'NP', 'OM', 'PL', 'QA', 'RU', 'TH'],
  '003': ['CN', 'KW', 'MM', 'MY', 'QA', 'RU'],
  '004': ['AO', 'BJ', 'BW', 'CD', 'CN', 'DZ', 'EG', 'ET', 'GQ', 'KH', 'KW', 'MG', 'MT', 'MY', 'MZ', 'NA', 'OM', 'PL', 'QA', 'RU', 'SN', 'SY', 'TD', 'TG', 'TH', 'ZW'],
};
